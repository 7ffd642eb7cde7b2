import Foundation
import NIOHTTP1

/// Delivers one callback: POSTs the JSON body, signed, to the client's URL under the outbound
/// policy. Success is any 2xx answer; anything else (or no answer) is a failed attempt.
struct CallbackSender: Sendable {
    let http: OutboundHTTP
    let timeout: Duration
    var now: @Sendable () -> Date = { Date() }

    func deliver(body: [UInt8], to url: String, transactionID: String, attempt: Int, secret: String) async throws(OutboundError) {
        let timestamp = Int(now().timeIntervalSince1970)
        let headers: HTTPHeaders = [
            "Content-Type": "application/json",
            "User-Agent": "liveness-callback",
            CallbackSignature.timestampHeader: String(timestamp),
            CallbackSignature.signatureHeader: CallbackSignature.sign(body: body, timestamp: timestamp, secret: secret),
            "X-Liveness-Transaction-Id": transactionID,
            "X-Liveness-Delivery-Attempt": String(attempt),
        ]
        // The receiver's answer is not used beyond its status; 1 MiB bounds what is read.
        let response = try await http.send(url, method: .POST, headers: headers, body: body, timeout: timeout, maxBytes: 1_048_576)
        guard (200..<300).contains(response.status) else {
            throw OutboundError(kind: .httpStatus, message: "the callback URL answered HTTP \(response.status)", status: response.status)
        }
    }
}
