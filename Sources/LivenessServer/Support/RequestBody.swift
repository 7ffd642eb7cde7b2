import Foundation
import Hummingbird
import NIOCore

enum RequestBody {
    /// Collects the body up to `limit` bytes: refused with 413 from its Content-Length before
    /// reading when it declares more, and as soon as it streams past the limit when it does not.
    static func collect(_ request: Request, limit: Int) async throws -> Data {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw APIError.bodyTooLarge(limit: limit)
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Data(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw APIError.bodyTooLarge(limit: limit)
        }
    }
}
