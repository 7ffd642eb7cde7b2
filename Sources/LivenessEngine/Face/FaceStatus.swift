/// Face checks that stop a selfie from being scored (the vendors' face quality statuses).
public enum FaceStatus: String, Sendable, Codable, CaseIterable {
    case ok = "OK"
    case faceNotFound = "FACE_NOT_FOUND"
    case tooManyFaces = "TOO_MANY_FACES"
    case faceTooSmall = "FACE_TOO_SMALL"
    case faceTooCloseToBorder = "FACE_TOO_CLOSE_TO_BORDER"
    case faceCropped = "FACE_CROPPED"
    case faceAngleTooLarge = "FACE_ANGLE_TOO_LARGE"
}
