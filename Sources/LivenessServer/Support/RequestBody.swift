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

    /// Collects the body (as `collect`) and decodes it as JSON: a field the body type rejects
    /// keeps its own error; anything else that is not the JSON expected is a malformed body, with
    /// the parser's reason.
    static func decodeJSON<Body: Decodable>(_ type: Body.Type, from request: Request, limit: Int) async throws -> Body {
        let body = try await collect(request, limit: limit)
        do {
            return try JSONDecoder().decode(Body.self, from: body)
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.malformedBody("the body is not valid JSON: \(describe(error))")
        }
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? context.debugDescription
        }
        return "\(error)"
    }
}
