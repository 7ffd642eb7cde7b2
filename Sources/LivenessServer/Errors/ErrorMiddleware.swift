import HTTPTypes
import Hummingbird
import Logging

/// Turns every error into a JSON body with the transaction id, and logs it: `APIError`s as they
/// are, Hummingbird's own HTTP errors with their status, anything else as a 500 without internals.
/// Also stamps `X-Transaction-Id` on every response.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = LivenessRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            let level: Logger.Level = error.status.code >= 500 ? .error : .info
            context.logger.log(level: level, "\(request.method) \(request.uri.path) -> \(error.status.code) \(error.code): \(error.message)")
            response = try JSONResponse.make(error.body(transactionID: context.transactionID), status: error.status)
        } catch let error as any HTTPResponseError {
            let apiError = APIError(status: error.status, code: error.status.code == 413 ? "BODY_TOO_LARGE" : "HTTP_\(error.status.code)",
                                    message: error.status.reasonPhrase)
            context.logger.info("\(request.method) \(request.uri.path) -> \(error.status.code)")
            response = try JSONResponse.make(apiError.body(transactionID: context.transactionID), status: error.status)
        } catch {
            context.logger.error("\(request.method) \(request.uri.path) -> 500: \(String(reflecting: error))")
            response = try JSONResponse.make(APIError.internalError.body(transactionID: context.transactionID), status: .internalServerError)
        }
        response.headers[.transactionID] = context.transactionID
        return response
    }
}

extension HTTPField.Name {
    static let transactionID = Self("X-Transaction-Id")!
}
