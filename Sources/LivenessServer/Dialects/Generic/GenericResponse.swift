/// `{"sessionId", "score", "hasError", "error"?}` as the generic API documents it, plus
/// `message` (ours) when there is an error, saying which side and why.
struct GenericResponse: Encodable {
    var sessionId: String?
    var score: Double?
    var hasError: Bool
    var error: String?
    var message: String?
}
