import Crypto
import Foundation

/// An API key: `lk_<id>_<secret>`, with a 12-hex-digit public id (to find the stored row without
/// a search over secrets) and 256 random bits of secret. Only the SHA-256 of the whole key is
/// stored; a presented key is hashed and compared with the stored hash in constant time.
///
/// A fast hash is enough here (no salt, no bcrypt): the secret is 256 random bits, so the hash
/// cannot be reversed by guessing, unlike a human password.
public struct APIKey: Sendable, Equatable, CustomStringConvertible {
    public let id: String
    public let secret: String

    public var description: String { "lk_\(id)_\(secret)" }

    /// A new key from the system's cryptographic random source.
    public static func generate() -> APIKey {
        APIKey(id: randomHex(bytes: 6), secret: randomHex(bytes: 32))
    }

    /// Parses `lk_<12 hex>_<64 hex>`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "lk", parts[1].count == 12, parts[2].count == 64,
              parts[1].allSatisfy(\.isHexDigit), parts[2].allSatisfy(\.isHexDigit) else { return nil }
        id = String(parts[1]).lowercased()
        secret = String(parts[2]).lowercased()
    }

    private init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }

    /// Hex SHA-256 of the whole key, as stored.
    public var sha256: String { Self.hex(SHA256.hash(data: Data(description.utf8))) }

    /// Whether this key hashes to `storedSHA256`, comparing every byte whatever the first
    /// difference, so the time taken says nothing about how much of the hash matched.
    public func matches(storedSHA256: String) -> Bool {
        Self.constantTimeEquals(Array(sha256.utf8), Array(storedSHA256.utf8))
    }

    static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    /// `bytes` random bytes as lowercase hex (`SystemRandomNumberGenerator` reads getrandom(2)).
    static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
