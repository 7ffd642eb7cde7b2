import Crypto
import Foundation

/// The signature on every callback, so a receiver can tell it comes from this server and was not
/// altered or replayed:
///
///     X-Liveness-Timestamp: <unix seconds>
///     X-Liveness-Signature: sha256=<hex HMAC-SHA256(key: workspace secret, message: "<timestamp>.<body>")>
///
/// The timestamp is inside the signed message, so a receiver that refuses old timestamps also
/// refuses replays of an old callback. The key is the workspace's callback secret as its UTF-8
/// text (the 64 hex digits that `liveness keys create` prints).
public enum CallbackSignature {
    public static let signatureHeader = "X-Liveness-Signature"
    public static let timestampHeader = "X-Liveness-Timestamp"

    /// `sha256=<hex>` for `body` sent at `timestamp`.
    public static func sign(body: [UInt8], timestamp: Int, secret: String) -> String {
        var message = Array("\(timestamp).".utf8)
        message += body
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + APIKey.hex(code)
    }

    /// What a receiver does: recompute and compare in constant time.
    public static func verify(body: [UInt8], timestamp: Int, secret: String, signature: String) -> Bool {
        APIKey.constantTimeEquals(Array(sign(body: body, timestamp: timestamp, secret: secret).utf8), Array(signature.utf8))
    }
}
