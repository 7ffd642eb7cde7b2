/// Why a submitted image was refused. Engine errors know nothing of HTTP; the server maps `kind`.
public struct ImageInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        case empty = "EMPTY_IMAGE"
        case unsupportedFormat = "UNSUPPORTED_FORMAT"
        case corrupt = "CORRUPT_IMAGE"
        case tooLarge = "IMAGE_TOO_LARGE"
        case tooSmall = "IMAGE_TOO_SMALL"
    }

    public let kind: Kind
    public let message: String

    public var description: String { "\(kind.rawValue): \(message)" }

    static let empty = ImageInputError(kind: .empty, message: "the image is empty (0 bytes)")

    static func unsupported(_ detail: String) -> ImageInputError {
        ImageInputError(kind: .unsupportedFormat, message: "not an image in a supported format (JPEG, PNG, WebP, BMP, TIFF): \(detail)")
    }

    static func corrupt(_ detail: String) -> ImageInputError {
        ImageInputError(kind: .corrupt, message: "the image data is corrupt or truncated: \(detail)")
    }

    static func tooLarge(_ detail: String) -> ImageInputError { ImageInputError(kind: .tooLarge, message: detail) }
    static func tooSmall(_ detail: String) -> ImageInputError { ImageInputError(kind: .tooSmall, message: detail) }
}
