/// Validation outcomes that stop a document from being scored (the vendor's status codes).
public enum ValidationStatus: String, Sendable, Codable, CaseIterable {
    case ok = "OK"
    case documentNotFound = "DOCUMENT_NOT_FOUND"
    case tooManyDocuments = "TOO_MANY_DOCUMENTS"
    case documentCropped = "DOCUMENT_CROPPED"
    case documentTooCloseToBorder = "DOCUMENT_TOO_CLOSE_TO_BORDER"
    case documentTooCloseToCamera = "DOCUMENT_TOO_CLOSE_TO_CAMERA"
    case documentTooSmall = "DOCUMENT_TOO_SMALL"
    case documentPhotoNotFound = "DOCUMENT_PHOTO_NOT_FOUND"
    case documentIsColorless = "DOCUMENT_IS_COLORLESS"

    /// Statuses a client may ask to ignore (`errors_to_ignore`); the others make a score meaningless.
    public var isIgnorable: Bool { self == .documentCropped || self == .documentIsColorless }
}

/// Quality warnings: the document is scored, but the result deserves less trust.
public enum QualityWarning: String, Sendable, Codable, CaseIterable {
    case imageTooBlurry = "IMAGE_TOO_BLURRY"
    case imageIsTooCompressed = "IMAGE_IS_TOO_COMPRESSED"
    case poorImageExposure = "POOR_IMAGE_EXPOSURE"
    case glareOnImage = "GLARE_ON_IMAGE"
    case relativeDocumentSizeLowerThan10Percent = "RELATIVE_DOCUMENT_SIZE_LOWER_THAN_10_PERCENT"
}
