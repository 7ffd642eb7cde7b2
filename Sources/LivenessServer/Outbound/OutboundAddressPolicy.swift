/// Which addresses the server may send requests to (image URLs, callbacks). A URL a client gives
/// must not make the server reach inside its own network (SSRF): loopback, link-local (and the
/// cloud metadata service at 169.254.169.254), private (RFC 1918, CGNAT, IPv6 unique-local),
/// multicast, unspecified and reserved addresses are refused, unless an operator's allow-list
/// names them. The policy judges resolved addresses, so a hostname cannot point inside.
public struct OutboundAddressPolicy: Sendable {
    public var allowed: [IPNetwork]

    public init(allowed: [IPNetwork] = []) {
        self.allowed = allowed
    }

    /// nil when the server may connect to `address`; else why not ("loopback", ...).
    public func refusal(for address: IPAddress) -> String? {
        if allowed.contains(where: { $0.contains(address) }) { return nil }
        return Self.reservedRanges.first { $0.network.contains(address) }?.reason
            ?? address.embeddedIPv4.flatMap { refusal(for: $0) }
    }

    /// Ranges that are not the public internet, most specific first so the reason is precise.
    static let reservedRanges: [(network: IPNetwork, reason: String)] = [
        ("169.254.169.254/32", "cloud metadata service"),
        ("fd00:ec2::254/128", "cloud metadata service"),
        ("127.0.0.0/8", "loopback"),
        ("::1/128", "loopback"),
        ("169.254.0.0/16", "link-local"),
        ("fe80::/10", "link-local"),
        ("10.0.0.0/8", "private (RFC 1918)"),
        ("172.16.0.0/12", "private (RFC 1918)"),
        ("192.168.0.0/16", "private (RFC 1918)"),
        ("100.64.0.0/10", "shared address space (CGNAT)"),
        ("fc00::/7", "private (unique local)"),
        ("0.0.0.0/8", "unspecified"),
        ("::/128", "unspecified"),
        ("224.0.0.0/4", "multicast"),
        ("ff00::/8", "multicast"),
        ("240.0.0.0/4", "reserved"),
        ("192.0.0.0/24", "reserved (IETF protocol assignments)"),
        ("198.18.0.0/15", "reserved (benchmarking)"),
    ].map { (IPNetwork($0.0)!, $0.1) }
}
