import Foundation

/// Where a cue pipeline found its evidence: each measured tile of the region painted by what its
/// own spectral and fine-detail measurements add to the head's score (red = attack, green =
/// bona fide, stronger colour = more evidence). Colour and tone features are region-wide and
/// have no place, so they are left out of the map.
public enum EvidenceHeatmap {
    /// The head's per-tile features and how each is read off one tile.
    static let tileReadings: [(feature: String, value: @Sendable (TileSpectrum) -> Double)] = [
        ("luma_peak_p75", { $0.lumaPeak }), ("luma_peak_p95", { $0.lumaPeak }),
        ("lattice_peak_p75", { $0.latticePeak }), ("lattice_peak_p95", { $0.latticePeak }),
        ("chroma_peak_p75", { $0.chromaPeak }), ("chroma_peak_p95", { $0.chromaPeak }),
        ("luma_fine", { $0.logLumaFine }), ("chroma_fine_ratio", { $0.chromaFineRatio }),
    ]

    /// Each tile's evidence under `head` (positive = bona fide).
    public static func evidence(of tile: TileSpectrum, head: LogisticHead) -> Double {
        tileReadings.reduce(0) { sum, reading in
            guard let j = head.features.firstIndex(of: reading.feature) else { return sum }
            return sum + head.weights[j] * (reading.value(tile) - head.mean[j]) / head.scale[j]
        }
    }

    /// The region with its measured tiles (`tileSize` pixels square) painted.
    public static func render(region: Mat, tiles: [TileSpectrum], tileSize: Int = TileSpectrum.size, head: LogisticHead) throws -> Mat {
        let canvas = try Canvas(copying: region)
        for tile in tiles {
            let e = evidence(of: tile, head: head)
            let color: Canvas.Color = e < 0 ? .red : .green
            let corners = Rect(x: Double(tile.x), y: Double(tile.y), width: Double(tileSize), height: Double(tileSize)).corners
            try canvas.fill(corners, color: color, alpha: 0.15 + 0.45 * min(1, abs(e) / 3))
            try canvas.polygon(corners, color: color, thickness: 2)
        }
        return canvas.image
    }
}
