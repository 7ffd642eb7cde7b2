import Foundation
import Hummingbird

/// An error in the Argos ID Liveness dialect (../shared/seeds/argos-id-liveness-api.md): the
/// vendor's numeric `errorCode` strings, each with the HTTP status its documentation gives, and a
/// message that says exactly what was wrong (the vendor's short text, then the detail).
///
/// Body: `{"error": {"statusCode", "apiType", "transactionId", "engineVersion", "errorCode", "message"}}`;
/// a 401 carries only `transactionId`, `errorCode` and `message`, as the vendor documents it.
struct ArgosError: Error, Sendable {
    let status: HTTPResponse.Status
    let errorCode: String
    let message: String

    /// 1001: no API key, or one that is unknown or revoked.
    static let workspaceUnavailable = ArgosError(status: .unauthorized, errorCode: "1001", message: "Workspace is unavailable")

    /// 1003: the body, a field or the image cannot be used, or the server cannot run what was asked.
    static func failToProcess(_ detail: String, status: HTTPResponse.Status = .badRequest) -> ArgosError {
        ArgosError(status: status, errorCode: "1003", message: "Fail to process data: \(detail)")
    }

    static let idImageRequired = ArgosError(status: .badRequest, errorCode: "1005", message: "idImage is required")
    static let pipelinesRequired = ArgosError(status: .badRequest, errorCode: "1007", message: "pipelines is required")

    static func invalidPipelines(_ detail: String) -> ArgosError {
        ArgosError(status: .badRequest, errorCode: "1008", message: "invalid pipelines format: \(detail)")
    }

    /// 1009: the photo was read but cannot be scored (no document, too small, cropped, ...).
    static func failToAnalyze(_ status: String) -> ArgosError {
        ArgosError(status: .badRequest, errorCode: "1009", message: "Fail to analyze document: \(status)")
    }

    static func callbackRequired(_ detail: String) -> ArgosError {
        ArgosError(status: .badRequest, errorCode: "1010", message: "callbackUrl is required: \(detail)")
    }

    struct Body: Encodable {
        struct Inner: Encodable {
            var statusCode: Int?
            var apiType: String?
            var transactionId: String
            var engineVersion: String?
            var errorCode: String
            var message: String
        }
        var error: Inner
    }

    func body(transactionID: String, engineVersion: String) -> Body {
        let full = status != .unauthorized
        return Body(error: .init(statusCode: full ? Int(status.code) : nil, apiType: full ? ArgosResponse.apiType : nil,
                                 transactionId: transactionID, engineVersion: full ? engineVersion : nil,
                                 errorCode: errorCode, message: message))
    }
}
