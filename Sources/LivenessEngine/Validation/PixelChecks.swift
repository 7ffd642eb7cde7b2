/// Measurements on the rectified document's pixels behind DOCUMENT_IS_COLORLESS and the
/// blur, exposure and glare warnings.
public struct PixelMeasurements: Sendable, Codable {
    /// 90th percentile of chromaticity distance from the median chromaticity (see `ValidationThresholds.colorlessSpread`).
    public var chromaSpread: Double
    /// Variance of the Laplacian at the canonical 10 px/mm.
    public var sharpness: Double
    public var medianLuminance: Double
    public var clippedFraction: Double
    public var glareFraction: Double

    /// Measures a rectified BGR document.
    static func measure(_ document: Mat) throws -> PixelMeasurements {
        let grey = try document.grey()
        let sharpness = try grey.laplacianVariance()
        // Colour is read at 1/4 scale: JPEG chroma subsampling and sensor noise average out.
        let small = try document.resized(width: max(1, document.cols / 4), height: max(1, document.rows / 4))
        var chromaticities: [(Double, Double)] = []
        var luminances = [Int](repeating: 0, count: 256)
        var clipped = 0, glare = 0, total = 0
        document.withBytes { bytes, stride in
            for y in 0..<document.rows {
                let row = y * stride
                for x in 0..<document.cols {
                    let b = Int(bytes[row + 3 * x]), g = Int(bytes[row + 3 * x + 1]), r = Int(bytes[row + 3 * x + 2])
                    let luminance = (299 * r + 587 * g + 114 * b) / 1000
                    luminances[luminance] += 1
                    if luminance < 8 || luminance > 250 { clipped += 1 }
                    if b >= 250 && g >= 250 && r >= 250 { glare += 1 }
                    total += 1
                }
            }
        }
        small.withBytes { bytes, stride in
            for y in 0..<small.rows {
                for x in 0..<small.cols {
                    let i = y * stride + 3 * x
                    let b = Double(bytes[i]), g = Double(bytes[i + 1]), r = Double(bytes[i + 2])
                    let sum = b + g + r
                    // Dark pixels carry too little light for a reliable chromaticity.
                    if sum >= 90 { chromaticities.append((r / sum, g / sum)) }
                }
            }
        }
        let median = medianBin(luminances, total: total)
        return PixelMeasurements(
            chromaSpread: spread(chromaticities),
            sharpness: sharpness,
            medianLuminance: Double(median),
            clippedFraction: Double(clipped) / Double(max(1, total)),
            glareFraction: Double(glare) / Double(max(1, total))
        )
    }

    private static func medianBin(_ histogram: [Int], total: Int) -> Int {
        var seen = 0
        for (value, count) in histogram.enumerated() {
            seen += count
            if seen * 2 >= total { return value }
        }
        return 255
    }

    /// 90th percentile of distance from the per-axis median.
    private static func spread(_ points: [(Double, Double)]) -> Double {
        guard points.count >= 16 else { return 0 }
        let mr = points.map(\.0).sorted()[points.count / 2], mg = points.map(\.1).sorted()[points.count / 2]
        let distances = points.map { (($0.0 - mr) * ($0.0 - mr) + ($0.1 - mg) * ($0.1 - mg)).squareRoot() }.sorted()
        return distances[Int(Double(distances.count - 1) * 0.9)]
    }
}

extension PixelMeasurements {
    func statuses(_ thresholds: ValidationThresholds) -> [ValidationStatus] {
        chromaSpread < thresholds.colorlessSpread ? [.documentIsColorless] : []
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
