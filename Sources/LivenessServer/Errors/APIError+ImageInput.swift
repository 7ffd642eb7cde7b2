import Hummingbird
import LivenessEngine

extension APIError {
    /// An image the engine cannot read is the vendor's 406 ("data in an inappropriate format");
    /// one over the size limits is 413, like a body over the limit.
    init(_ error: ImageInputError, field: String) {
        let status: HTTPResponse.Status = error.kind == .tooLarge ? .contentTooLarge : .notAcceptable
        self.init(status: status, code: error.kind.rawValue, field: field, message: error.message)
    }
}
