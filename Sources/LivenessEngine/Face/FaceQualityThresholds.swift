/// The face quality limits, each with the reason for its default. Configurable per server
/// (`LIVENESS_FACE_*`, see `ServerConfiguration`) and per CLI run.
public struct FaceQualityThresholds: Sendable, Codable, Equatable {
    /// FACE_TOO_SMALL below this face-box height in pixels: the vendors' figure (150 px); below it
    /// the skin texture, print dots and screen pixels the signals read are not resolved.
    public var minimumFaceSize = 150.0
    /// FACE_TOO_SMALL below this distance between the eye centres in pixels (the vendors' 50 px).
    public var minimumEyeDistance = 50.0
    /// FACE_TOO_CLOSE_TO_BORDER when the face box comes closer than this to an image edge (the
    /// vendors' 15 px): the anti-spoofing crops need some context around the face.
    public var minimumBorderPadding = 15.0
    /// FACE_ANGLE_TOO_LARGE above this yaw or pitch in degrees (the vendors' 30): beyond it
    /// landmarks and anti-spoofing networks trained on near-frontal faces become unreliable.
    public var maximumYaw = 30.0
    public var maximumPitch = 30.0
    /// FACE_ANGLE_TOO_LARGE above this in-plane roll in degrees: a selfie taken with the phone
    /// turned sideways. 45, well beyond the head tilts of ordinary selfies (< 20).
    public var maximumRoll = 45.0
    /// TOO_MANY_FACES when a second face is at least this fraction of the main face's height. 0.5:
    /// a passer-by in the background (much smaller) is allowed, a second person beside the
    /// subject, or a photo held up next to them, is not.
    public var secondFaceHeightRatio = 0.5
    /// IMAGE_TOO_BLURRY below this variance of the Laplacian on the face resized to
    /// `FaceCrops.normalisedFaceSide` px: 200. Live webcam frames of face-pad-real-dev measure at
    /// least 366 (medians 4500 for the 640x480 NUAA frames, 984 for a softer webcam); a portrait
    /// blurred by a Gaussian of about 3 px at that size (eyelashes and pores gone) measures ~150.
    public var minimumFaceSharpness = 200.0
    /// POOR_IMAGE_EXPOSURE when the face's median luma is outside this range (0-255): too dark
    /// or washed out for skin texture to be read.
    public var faceExposureRange = 45.0...220.0
    /// IMAGE_IS_TOO_COMPRESSED below this estimated JPEG quality (same figure as for documents).
    public var minimumJPEGQuality = 70

    public init() {}
}
