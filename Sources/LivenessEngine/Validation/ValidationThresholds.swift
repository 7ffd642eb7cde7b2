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
    /// DOCUMENT_IS_COLORLESS when `PixelMeasurements.chromaResidual` (96th percentile of the
    /// chromaticity distance from a smooth model of the light's tint over position and brightness)
    /// is below this. A grey copy's chromaticity is the light's, which the model follows through
    /// warm, pink or mixed lamps; printed colour leaves residuals that no smooth tint can absorb.
    /// 0.022 is the geometric midpoint of the gap between the colourless side, 0.015 (the second
    /// highest of the 30 alb_id + esp_id grey copies of dlc2021-greycopy-dev warped by their true
    /// quads; the highest, 0.043, has a purple object over the card; synthetic grey cards and photos
    /// under warm/pink/blue/amber tints, left-to-right tint gradients, light dimmed to 1/4 and JPEG
    /// q40-90 stay under 0.013), and the colour side, 0.032 (the lowest of the same synthetic colour
    /// cards and photos under the same lights). Held-out fin_id + grc_passport: 29 of 30 below it
    /// (the one above has painted fingernails over the passport).
    public var colorlessChromaResidual = 0.022
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
