import Hummingbird

/// An error of the generic dialect: `{"sessionId", "hasError": true, "error": CODE, "message"}`.
/// The photo's validation statuses (DOCUMENT_NOT_FOUND, ...) come with 200, as the API documents;
/// the codes here are ours, for requests the server cannot take.
struct GenericError: Error, Sendable {
    let status: HTTPResponse.Status
    let code: String
    let message: String

    static func unauthorized(_ detail: String) -> GenericError {
        GenericError(status: .unauthorized, code: "UNAUTHORIZED", message: "\(detail); send Authorization: Basic base64(workspace:api-key)")
    }
    static func malformed(_ message: String) -> GenericError { GenericError(status: .badRequest, code: "MALFORMED_JSON", message: message) }
    static func invalidField(_ message: String) -> GenericError { GenericError(status: .badRequest, code: "INVALID_FIELD", message: message) }
    static let imageRequired = GenericError(status: .badRequest, code: "IMAGE_REQUIRED",
                                            message: "documentImageBase or frontSideImageBase is required")
    static func invalidImage(_ message: String) -> GenericError { GenericError(status: .badRequest, code: "INVALID_IMAGE", message: message) }
    static func imageTooLarge(_ message: String) -> GenericError { GenericError(status: .contentTooLarge, code: "IMAGE_TOO_LARGE", message: message) }
    static func noPipeline() -> GenericError {
        GenericError(status: .serviceUnavailable, code: "NO_PIPELINE_AVAILABLE",
                     message: "no liveness pipeline is available on this server yet, so no score can be given")
    }

    /// An image URL that could not be used.
    init(_ error: OutboundError, field: String) {
        switch error.kind {
        case .invalidURL, .refusedAddress: self.init(status: .badRequest, code: "IMAGE_URL_REFUSED", message: "\(field): \(error.message)")
        case .tooLarge: self.init(status: .contentTooLarge, code: "IMAGE_TOO_LARGE", message: "\(field): \(error.message)")
        case .wrongContentType: self.init(status: .unsupportedMediaType, code: "IMAGE_URL_NOT_AN_IMAGE", message: "\(field): \(error.message)")
        case .timedOut: self.init(status: .gatewayTimeout, code: "IMAGE_URL_TIMEOUT", message: "\(field): \(error.message)")
        case .resolutionFailed, .connectionFailed, .httpStatus:
            self.init(status: .badGateway, code: "IMAGE_URL_UNREACHABLE", message: "\(field): \(error.message)")
        }
    }

    init(status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }
}
