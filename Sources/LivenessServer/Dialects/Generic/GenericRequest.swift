import Foundation

/// The body of `POST /api/v1/document/liveness`: `sessionId` (echoed), `documentImageBase` or
/// `frontSideImageBase`, and optionally `backSideImageBase`; each image is base64 or an http(s) URL.
struct GenericRequest {
    enum ImageSource: Equatable {
        case base64(String)
        case url(String)
    }

    var sessionId: String?
    var front: ImageSource
    var frontField: String
    var back: ImageSource?

    static func parse(_ body: Data) throws(GenericError) -> GenericRequest {
        guard let object = JSONValue.object(from: body) else { throw .malformed("the body must be a JSON object") }
        var sessionId: String?
        switch object["sessionId"] {
        case nil, .null: break
        case .string(let text): sessionId = text
        default: throw .invalidField("sessionId must be a string")
        }
        let document = try image(object, "documentImageBase"), frontSide = try image(object, "frontSideImageBase")
        if document != nil && frontSide != nil {
            throw .invalidField("give documentImageBase or frontSideImageBase, not both (they are the same photo)")
        }
        guard let front = document ?? frontSide else { throw .imageRequired }
        return GenericRequest(sessionId: sessionId, front: front, frontField: document != nil ? "documentImageBase" : "frontSideImageBase",
                              back: try image(object, "backSideImageBase"))
    }

    /// A string starting with http:// or https:// is a URL to fetch; any other string is base64.
    private static func image(_ object: [String: JSONValue], _ field: String) throws(GenericError) -> ImageSource? {
        switch object[field] {
        case nil, .null: return nil
        case .string(let text) where text.isEmpty: throw .invalidImage("\(field) is empty")
        case .string(let text):
            let lowered = text.prefix(8).lowercased()
            return lowered.hasPrefix("http://") || lowered.hasPrefix("https://") ? .url(text) : .base64(text)
        default: throw .invalidField("\(field) must be a string: base64 image data or an http(s) URL")
        }
    }
}
