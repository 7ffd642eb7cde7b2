/// Why an outbound request (image URL or callback) did not succeed; the dialects map it to their
/// own error codes and messages.
public struct OutboundError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Not an absolute http(s) URL with a host.
        case invalidURL = "INVALID_URL"
        /// The host resolves to an address the outbound policy refuses.
        case refusedAddress = "REFUSED_ADDRESS"
        case resolutionFailed = "DNS_FAILED"
        case connectionFailed = "CONNECTION_FAILED"
        case timedOut = "TIMED_OUT"
        case tooLarge = "TOO_LARGE"
        /// The server answered with a status that is not 2xx (redirects are not followed).
        case httpStatus = "HTTP_STATUS"
        case wrongContentType = "WRONG_CONTENT_TYPE"
    }

    public let kind: Kind
    public let message: String
    /// The response status, for `httpStatus`.
    public var status: Int?

    public var description: String { message }
}
