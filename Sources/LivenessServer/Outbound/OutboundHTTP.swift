import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends the server's own HTTP requests (image URLs, callbacks) under the outbound address policy:
/// the host is resolved first, every address it resolves to must pass the policy, and the
/// connection goes to the vetted address (AsyncHTTPClient's `dnsOverride`, which keeps the Host
/// header and TLS server name), so a second DNS answer cannot swap in an inside address (DNS
/// rebinding). Redirects are not followed: a redirect could point anywhere.
struct OutboundHTTP: Sendable {
    let policy: OutboundAddressPolicy

    struct Response: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: ByteBuffer
    }

    /// The host and the vetted address to connect to; throws when the URL or any address is refused.
    func vet(_ text: String) async throws(OutboundError) -> (url: URL, host: String, address: IPAddress) {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              var host = url.host, !host.isEmpty else {
            throw OutboundError(kind: .invalidURL, message: "'\(text.prefix(200))' is not an absolute http(s) URL")
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        // A fully-qualified `host.` would not match the vetted-address override and be resolved
        // again by the client: refused rather than risk a second, unvetted answer.
        guard !host.hasSuffix(".") else {
            throw OutboundError(kind: .invalidURL, message: "'\(text.prefix(200))': write the host without a trailing dot")
        }
        let addresses: [IPAddress]
        do {
            addresses = try await HostResolver.addresses(of: host)
        } catch {
            throw OutboundError(kind: .resolutionFailed, message: error.description)
        }
        for address in addresses {
            if let reason = policy.refusal(for: address) {
                let resolved = IPAddress(host) == nil ? " (resolves to \(address))" : ""
                throw OutboundError(kind: .refusedAddress,
                                    message: "refusing to connect to \(host)\(resolved): \(reason) address; LIVENESS_OUTBOUND_ALLOW can permit it")
            }
        }
        return (url, host, addresses[0])
    }

    /// One request; the body is read up to `maxBytes`; the whole exchange is bounded by `timeout`.
    func send(_ urlText: String, method: HTTPMethod, headers: HTTPHeaders = [:], body: [UInt8]? = nil,
              timeout: Duration, maxBytes: Int) async throws(OutboundError) -> Response {
        let (url, host, address) = try await vet(urlText)
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .init(timeout), read: .init(timeout)))
        configuration.dnsOverride[host] = address.description
        configuration.dnsOverride[host.lowercased()] = address.description
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = method
        request.headers = headers
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let result: Result<Response, OutboundError>
        do {
            result = .success(try await withDeadline(timeout) { [request] in
                let response = try await client.execute(request, timeout: .init(timeout))
                if let declared = response.headers.first(name: "content-length").flatMap(Int.init), declared > maxBytes {
                    throw OutboundError(kind: .tooLarge, message: "\(host) declares \(declared) bytes, over the limit of \(maxBytes)")
                }
                let body = try await response.body.collect(upTo: maxBytes)
                return Response(status: Int(response.status.code), headers: response.headers, body: body)
            })
        } catch {
            result = .failure(Self.describe(error, host: host, timeout: timeout, maxBytes: maxBytes))
        }
        try? await client.shutdown()
        return try result.get()
    }

    private static func describe(_ error: any Error, host: String, timeout: Duration, maxBytes: Int) -> OutboundError {
        switch error {
        case let error as OutboundError: error
        case is NIOTooManyBytesError:
            OutboundError(kind: .tooLarge, message: "the response from \(host) is over the limit of \(maxBytes) bytes")
        case let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout:
            OutboundError(kind: .timedOut, message: "\(host) did not answer within \(timeout)")
        default:
            OutboundError(kind: .connectionFailed, message: "request to \(host) failed: \(error)")
        }
    }
}

/// Runs `body`, cancelling it and throwing `timedOut` when it takes longer than `limit`.
func withDeadline<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let result = try await group.next(), let value = result else {
            throw OutboundError(kind: .timedOut, message: "no complete answer within \(limit)")
        }
        return value
    }
}

private extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
