/// Measurements on the rectified document's pixels behind DOCUMENT_IS_COLORLESS and the
/// blur, exposure and glare warnings.
public struct PixelMeasurements: Sendable, Codable {
    /// Chromaticity that lighting cannot explain: the 96th percentile of the distance between each
    /// pixel's chromaticity and a smooth tint model (see `chromaResidual(_:)` and
    /// `ValidationThresholds.colorlessChromaResidual`). `nil` when too little of the document is lit
    /// well enough to read colour.
    public var chromaResidual: Double?
    /// Variance of the Laplacian at the canonical 10 px/mm.
    public var sharpness: Double
    public var medianLuminance: Double
    public var clippedFraction: Double
    public var glareFraction: Double

    /// Measures a rectified BGR document.
    static func measure(_ document: Mat) throws -> PixelMeasurements {
        let grey = try document.grey()
        let sharpness = try grey.laplacianVariance()
        var luminances = [Int](repeating: 0, count: 256)
        var clipped = 0, glare = 0, total = 0
        document.withBytes { bytes, stride in
            for y in 0..<document.rows {
                let row = y * stride
                for x in 0..<document.cols {
                    let b = bytes[row + 3 * x], g = bytes[row + 3 * x + 1], r = bytes[row + 3 * x + 2]
                    let luminance = luma(b: b, g: g, r: r)
                    luminances[luminance] += 1
                    if luminance < 8 || luminance > 250 { clipped += 1 }
                    if b >= 250 && g >= 250 && r >= 250 { glare += 1 }
                    total += 1
                }
            }
        }
        let median = medianOfHistogram(luminances)
        return PixelMeasurements(
            chromaResidual: try chromaResidual(document),
            sharpness: sharpness,
            medianLuminance: Double(median),
            clippedFraction: Double(clipped) / Double(max(1, total)),
            glareFraction: Double(glare) / Double(max(1, total))
        )
    }
}

extension PixelMeasurements {
    func statuses(_ thresholds: ValidationThresholds) -> [ValidationStatus] {
        guard let chromaResidual, chromaResidual < thresholds.colorlessChromaResidual else { return [] }
        return [.documentIsColorless]
    }

    func warnings(_ thresholds: ValidationThresholds) -> [QualityWarning] {
        var warnings: [QualityWarning] = []
        if sharpness < thresholds.minimumSharpness { warnings.append(.imageTooBlurry) }
        if !thresholds.exposureRange.contains(medianLuminance) || clippedFraction > thresholds.maximumClippedFraction {
            warnings.append(.poorImageExposure)
        }
        if glareFraction > thresholds.glareFraction && medianLuminance < 230 { warnings.append(.glareOnImage) }
        return warnings
    }
}
