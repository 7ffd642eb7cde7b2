import Foundation

/// The physical cues of screen-replay and printed-copy attacks, measured on one region of a photo
/// (a document with a margin of its surroundings, or the whole frame). Both pipelines read the
/// same vector; their heads weigh it differently.
public struct AttackFeatures: Sendable, Equatable {
    /// Feature names, in the order of `values` (the model files refer to features by name).
    public static let names = [
        "luma_peak_p75", "luma_peak_p95", "lattice_peak_p75", "lattice_peak_p95", "chroma_peak_p75", "chroma_peak_p95",
        "luma_fine", "chroma_fine_ratio", "sharpness",
        "saturation_median", "saturation_p99", "value_p01", "value_p50", "value_p99",
        "white_tint", "clipped_fraction", "colourfulness", "chroma_residual",
    ]

    public var values: [Double]
    /// The tiles behind the spectral features (for heatmaps), in region coordinates.
    public var tiles: [TileSpectrum]

    public subscript(name: String) -> Double? {
        Self.names.firstIndex(of: name).map { values[$0] }
    }

    /// Tiles whose luma deviation is below this carry no texture to measure (a blank margin, a
    /// uniform wall); they are left out of the spectral statistics unless nothing else is left.
    static let minimumTileContrast = 3.0

    /// Measures a BGR region at its own resolution. `chromaResidual`, when the caller has it
    /// (the document's own, from validation), is used instead of measuring the region's.
    public static func measure(_ region: Mat, chromaResidual known: Double? = nil) throws -> AttackFeatures {
        let tiles = try TileSpectrum.measure(region)
        let textured = tiles.filter { $0.contrast >= minimumTileContrast }
        let used = textured.isEmpty ? tiles : textured
        let colour = try ColourStatistics.measure(region)
        let grey = try region.grey()
        // Sharpness in the log domain: the variance of the Laplacian spans decades.
        let sharpness = log1p(try grey.laplacianVariance())
        let residual = try known ?? chromaResidual(of: region)
        let lumaPeaks = used.map(\.lumaPeak), latticePeaks = used.map(\.latticePeak), chromaPeaks = used.map(\.chromaPeak)
        let values: [Double] = [
            Quantile.nearestRank(lumaPeaks, 0.75), Quantile.nearestRank(lumaPeaks, 0.95), Quantile.nearestRank(latticePeaks, 0.75), Quantile.nearestRank(latticePeaks, 0.95),
            Quantile.nearestRank(chromaPeaks, 0.75), Quantile.nearestRank(chromaPeaks, 0.95),
            Quantile.nearestRank(used.map(\.logLumaFine), 0.5),
            Quantile.nearestRank(used.map(\.chromaFineRatio), 0.5),
            sharpness,
            colour.saturationMedian / 255, colour.saturation99 / 255,
            colour.value1 / 255, colour.value50 / 255, colour.value99 / 255,
            colour.whiteTint, colour.clippedFraction.squareRoot(), log1p(colour.colourfulness),
            residual,
        ]
        return AttackFeatures(values: values, tiles: tiles)
    }

    /// Chromaticity that lighting cannot explain (DOCUMENT_IS_COLORLESS's measure), on the region
    /// shrunk to at most 800 px: a grey copy has none under any tint. 0 when too little is lit
    /// well enough to read colour.
    private static func chromaResidual(of region: Mat) throws -> Double {
        let small = try region.fitting(maxSide: 800).mat
        return try PixelMeasurements.chromaResidual(small) ?? 0
    }
}
