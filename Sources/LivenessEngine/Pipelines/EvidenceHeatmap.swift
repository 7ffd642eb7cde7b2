import COpenCVShim
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
        ("luma_fine", { log1p($0.lumaFine) }), ("chroma_fine_ratio", { $0.chromaFine / ($0.lumaFine + 0.5) }),
    ]

    /// Each tile's evidence under `head` (positive = bona fide).
    public static func evidence(of tile: TileSpectrum, head: LogisticHead) -> Double {
        tileReadings.reduce(0) { sum, reading in
            guard let j = head.features.firstIndex(of: reading.feature) else { return sum }
            return sum + head.weights[j] * (reading.value(tile) - head.mean[j]) / head.scale[j]
        }
    }

    /// The region with its tiles painted; `tileSize` as measured.
    public static func render(region: Mat, features: AttackFeatures, head: LogisticHead, tileSize: Int = 256) throws -> Mat {
        let canvas = try Mat.make { lv_mat_clone(region.handle, $0, $1) }
        for tile in features.tiles {
            let e = evidence(of: tile, head: head)
            let strength = min(1, abs(e) / 3)
            let colour: [Double] = e < 0 ? [0, 0, 255] : [0, 200, 0]
            let x = Float(tile.x), y = Float(tile.y), s = Float(tileSize)
            let corners: [Float] = [x, y, x + s, y, x + s, y + s, x, y + s]
            try shimCall { lv_synth_fill_poly(canvas.handle, corners, 4, colour, 0.15 + 0.45 * strength, $0) }
            try shimCall { lv_synth_polyline(canvas.handle, corners, 4, 1, colour, 2, $0) }
        }
        return canvas
    }
}
