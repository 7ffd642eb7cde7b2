import Foundation
import Hummingbird

/// An error answered to the client: an HTTP status, a machine-readable code, the request field at
/// fault (when one is), a message, and the transaction id the server logged it under.
///
/// Body: `{"status": 400, "error": "Bad Request", "code": "INVALID_FIELD", "field": "image",
/// "message": "...", "transaction_id": "..."}`.
public struct APIError: Error, Sendable {
    public let status: HTTPResponse.Status
    public let code: String
    public let field: String?
    public let message: String

    public init(status: HTTPResponse.Status, code: String, field: String? = nil, message: String) {
        self.status = status
        self.code = code
        self.field = field
        self.message = message
    }

    /// A request field is missing, of the wrong type or holds a value the server does not accept.
    public static func invalidField(_ field: String, _ message: String) -> APIError {
        APIError(status: .badRequest, code: "INVALID_FIELD", field: field, message: message)
    }

    public static func missingField(_ field: String) -> APIError {
        APIError(status: .badRequest, code: "MISSING_FIELD", field: field, message: "\(field) is required")
    }

    public static func malformedBody(_ message: String) -> APIError {
        APIError(status: .badRequest, code: "MALFORMED_JSON", field: "body", message: message)
    }

    public static func bodyTooLarge(limit: Int) -> APIError {
        APIError(status: .contentTooLarge, code: "BODY_TOO_LARGE", field: "body",
                 message: "the request body is larger than the server's limit of \(limit) bytes")
    }

    /// The engine's queue is full: answered at once, as the vendor's 408 "Internal Service Timeout".
    public static let overloaded = APIError(status: .requestTimeout, code: "ENGINE_OVERLOADED",
                                            message: "the engine is overloaded; retry later")

    /// The server cannot do what was asked in its configuration (a model is not installed).
    public static func unavailable(_ message: String) -> APIError {
        APIError(status: .serviceUnavailable, code: "NOT_AVAILABLE", message: message)
    }

    public static let shuttingDown = APIError(status: .serviceUnavailable, code: "SHUTTING_DOWN",
                                              message: "the server is shutting down")

    public static let internalError = APIError(status: .internalServerError, code: "INTERNAL_ERROR",
                                               message: "an unexpected error occurred; quote the transaction id when reporting it")

    /// The JSON body, naming the transaction.
    func body(transactionID: String) -> ErrorBody {
        ErrorBody(status: Int(status.code), error: status.reasonPhrase, code: code, field: field, message: message,
                  transaction_id: transactionID)
    }

    struct ErrorBody: Codable {
        var status: Int
        var error: String
        var code: String
        var field: String?
        var message: String
        var transaction_id: String
    }
}
