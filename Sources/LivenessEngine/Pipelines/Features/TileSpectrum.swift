import Foundation
import COpenCVShim

/// What one square tile of a photo says about periodic structure and fine detail, measured at the
/// photo's own resolution (a display's pixel grid and a printer's halftone screen live in the
/// finest detail, which any downscaling would average away).
public struct TileSpectrum: Sendable, Equatable {
    /// The tile's top-left corner in the measured image.
    public var x: Int
    public var y: Int
    /// Standard deviation of luma: flat tiles carry no evidence either way.
    public var contrast: Double
    /// Log of the strongest spectral bin over the median of its frequency ring (mean removed,
    /// windowed, JPEG block-grid frequencies excluded). A display's subpixel grid, sampled by the
    /// camera's own grid, shows as a pixel lattice or aliases into moiré: a few strong peaks.
    /// Halftone screens leave peaks at their ruling. Natural texture spreads its energy over
    /// each ring.
    public var lumaPeak: Double
    /// The same in the chroma planes (the larger of Cr and Cb): moiré of R, G, B subpixels is
    /// coloured; printed fine lines on a genuine card mostly are not.
    public var chromaPeak: Double
    /// Luma detail finer than a 1 px Gaussian: sensor noise and the sharpest edges. Prints and
    /// screens are photographed through one more blur (paper, diffuser) than the scene itself.
    public var lumaFine: Double
    /// Chroma detail finer than a 1 px Gaussian: colour fringes of subpixels and of halftone
    /// rosettes that a real surface does not have.
    public var chromaFine: Double
    /// The strongest luma peak at least 30 degrees away from `lumaPeak`'s direction: a display's
    /// pixels (and a halftone's dots) form a two-dimensional lattice, while the fine printed
    /// lines of a genuine card's security background run locally in one direction.
    public var latticePeak: Double

    /// Measures up to `maximumTiles` tiles of `tileSize` pixels spread evenly over a BGR image.
    /// The side of a tile in pixels: 256 resolves a period of a few pixels finely enough for a
    /// periodic peak to stand out of its frequency ring.
    public static let size = 256

    /// Fine luma detail in the log domain (it spans decades).
    public var logLumaFine: Double { log1p(lumaFine) }
    /// Colour in the fine detail relative to its luma (subpixel and rosette fringes).
    public var chromaFineRatio: Double { chromaFine / (lumaFine + 0.5) }

    public static func measure(_ image: Mat, tileSize: Int = size, maximumTiles: Int = 24) throws -> [TileSpectrum] {
        var values = [Float](repeating: 0, count: maximumTiles * Int(LV_TILE_STATS))
        var count: Int32 = 0
        try values.withUnsafeMutableBufferPointer { buffer in
            try shimCall { lv_tile_spectra(image.handle, Int32(tileSize), Int32(maximumTiles), buffer.baseAddress, &count, $0) }
        }
        let stride = Int(LV_TILE_STATS)
        return (0..<Int(count)).map { index in
            let v = values[(index * stride)..<((index + 1) * stride)].map(Double.init)
            let base = v.startIndex
            return TileSpectrum(x: Int(v[base]), y: Int(v[base + 1]), contrast: v[base + 2], lumaPeak: v[base + 3],
                                chromaPeak: v[base + 4], lumaFine: v[base + 5], chromaFine: v[base + 6], latticePeak: v[base + 7])
        }
    }
}
