/// Thresholds of validation and quality checks, each with the reason for its default.
public struct ValidationThresholds: Sendable, Codable {
    /// DOCUMENT_TOO_CLOSE_TO_BORDER when the document comes nearer the frame edge than this
    /// fraction of the frame's shorter side. 1 %: the vendors ask for visible background all
    /// round; a few pixels of margin is what hand-held framing reliably leaves.
    public var borderMarginFraction = 0.01
    /// DOCUMENT_CROPPED when a corner lies outside the frame by more than this fraction of the
    /// document's shorter side (2 %, the corner rounding of an ID-1 card is 3 mm of 54).
    public var croppedToleranceFraction = 0.02
    /// DOCUMENT_TOO_CLOSE_TO_CAMERA when the document covers more than this fraction of the frame
    /// (80 %): with less background than that, the surroundings the screen and print checks read
    /// are gone.
    public var maximumAreaFraction = 0.80
    /// DOCUMENT_TOO_SMALL when the document's longer side is shorter than this (pixels). 400 px
    /// is ~4.7 px/mm on an ID-1 card: below it, print and screen textures are no longer resolved.
    public var minimumLongSidePixels = 400.0
    /// RELATIVE_DOCUMENT_SIZE_LOWER_THAN_10_PERCENT below this area fraction (the vendor's 10 %).
    public var relativeSizeWarningFraction = 0.10
    /// DOCUMENT_IS_COLORLESS when the 90th percentile of per-pixel chromaticity distance from the
    /// document's median chromaticity is below this. Chromaticity (r, g, b divided by their sum)
    /// does not change with brightness, and subtracting the median removes a lighting tint, so a
    /// grey copy under warm or pink light stays near 0 while printed colour lies at 0.03-0.15.
    public var colorlessSpread = 0.022
    /// IMAGE_TOO_BLURRY when the variance of the Laplacian of the rectified document (10 px/mm)
    /// is below this. Sharp captures measure 150-2000; a 2 px defocus brings them under 40.
    public var minimumSharpness = 40.0
    /// IMAGE_IS_TOO_COMPRESSED below this estimated JPEG quality (from the quantisation tables).
    public var minimumJPEGQuality = 70
    /// POOR_IMAGE_EXPOSURE when the document's median luminance is outside this range (0-255)...
    public var exposureRange = 40.0...225.0
    /// ...or more than this fraction of it is clipped black (< 8) or white (> 250).
    public var maximumClippedFraction = 0.25
    /// GLARE_ON_IMAGE when more than this fraction of the document is specular highlight
    /// (all channels >= 250 where the document's median is well below that).
    public var glareFraction = 0.01

    public init() {}
}
