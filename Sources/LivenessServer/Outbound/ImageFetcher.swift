import NIOCore

/// Fetches a photo a client gave as a URL: GET under the outbound policy, at most `maxBytes`,
/// within `timeout`, a 2xx answer whose Content-Type is an image (`image/*`) — anything else
/// would only reach the decoder to be refused there, after costing a download.
struct ImageFetcher: Sendable {
    let http: OutboundHTTP
    let maxBytes: Int
    let timeout: Duration

    func fetch(_ url: String) async throws(OutboundError) -> [UInt8] {
        let response = try await http.send(url, method: .GET, headers: ["Accept": "image/*"], timeout: timeout, maxBytes: maxBytes)
        guard (200..<300).contains(response.status) else {
            throw OutboundError(kind: .httpStatus, message: "the image URL answered HTTP \(response.status)", status: response.status)
        }
        let contentType = response.headers.first(name: "content-type")?.lowercased() ?? ""
        guard contentType.hasPrefix("image/") else {
            throw OutboundError(kind: .wrongContentType,
                                message: "the image URL answered Content-Type '\(contentType.isEmpty ? "none" : contentType)', not image/*")
        }
        return Array(response.body.readableBytesView)
    }
}
