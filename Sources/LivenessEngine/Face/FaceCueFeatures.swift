import Foundation

/// Physical cues of a face presentation attack that need no trained network, measured on the
/// face and its surroundings at the photo's own resolution. Each value's cue:
/// - `luma_peak_p75`, `lattice_peak_p75`, `chroma_peak_p75` (tile spectra of the face with 2.7x
///   context, see `TileSpectrum`): a display's subpixel grid aliases into periodic, coloured
///   moiré; a halftone print leaves peaks at its screen ruling. Skin and rooms have none.
/// - `luma_fine`, `chroma_fine_ratio`: detail finer than a pixel and its colour: a recaptured
///   face passes through one more blur (paper, diffuser) and gains colour fringes.
/// - `face_sharpness`: the face resized to 128 px, variance of the Laplacian (log): a print or a
///   screen re-photographed loses pores and eyelashes.
/// - `face_saturation`, `face_value_p99`, `face_colourfulness`: skin colour through four inks
///   (reduced gamut, duller highlights) or through a display's primaries.
/// - `context_black`, `context_clipped`, `context_white_tint`: in the 2.7x crop, a display's
///   raised black level and cold white point; specular glare on glass or glossy paper.
/// - `straight_edges`: long straight segments around (not across) the face, in the 4x crop: the
///   edge of a held photo or a device's bezel. Rooms have straight edges too, which is why this
///   is one feature among many.
public struct FaceCueFeatures: Sendable, Equatable {
    public static let names = [
        "luma_peak_p75", "lattice_peak_p75", "chroma_peak_p75", "luma_fine", "chroma_fine_ratio",
        "face_sharpness", "face_saturation", "face_value_p99", "face_colourfulness",
        "context_black", "context_clipped", "context_white_tint", "straight_edges",
    ]

    public var values: [Double]
    /// The spectral tiles (in the 2.7x crop's coordinates) and where that crop sits in the photo.
    public var tiles: [TileSpectrum]
    public var contextBox: Rect
    /// The side of the spectral tiles in pixels.
    public var tileSide: Int

    public subscript(name: String) -> Double? { Self.names.firstIndex(of: name).map { values[$0] } }

    /// Tile side for faces: a 150-400 px face with 2.7x context is 400-1000 px across, so 128 px
    /// tiles resolve periods of a few pixels; 8 of them, spread over the context, keep the cue
    /// measurement near 3 ms.
    public static let tileSize = 128
    static let maximumTiles = 8

    /// - Parameter sharpness: the face's variance of the Laplacian at `FaceCrops.normalisedFaceSide`
    ///   px when the quality check has it (`FaceQuality.sharpness`); measured here otherwise.
    public static func measure(_ image: Mat, face: Rect, sharpness known: Double? = nil) throws -> FaceCueFeatures {
        let contextBox = FaceCrops.box(around: face, scale: 2.7, imageWidth: image.cols, imageHeight: image.rows)
        let context = try image.cropped(contextBox)
        // A small face's context holds smaller tiles (the spectra need a power of two, >= 32).
        var tileSide = tileSize
        while tileSide > min(context.cols, context.rows) && tileSide > 32 { tileSide /= 2 }
        let tiles = tileSide <= min(context.cols, context.rows) ? try TileSpectrum.measure(context, tileSize: tileSide, maximumTiles: maximumTiles) : []
        let textured = tiles.filter { $0.contrast >= AttackFeatures.minimumTileContrast }
        let used = textured.isEmpty ? tiles : textured

        let faceBox = face.intersection(image.bounds)
        let facePixels = try image.cropped(faceBox)
        let normalised = try facePixels.resized(width: FaceCrops.normalisedFaceSide, height: FaceCrops.normalisedFaceSide)
        let sharpness = log1p(try known ?? normalised.grey().laplacianVariance())
        let skin = try ColourStatistics.measure(normalised)
        let surroundings = try ColourStatistics.measure(context)

        let values: [Double] = [
            Quantile.nearestRank(used.map(\.lumaPeak), 0.75), Quantile.nearestRank(used.map(\.latticePeak), 0.75),
            Quantile.nearestRank(used.map(\.chromaPeak), 0.75),
            Quantile.nearestRank(used.map(\.logLumaFine), 0.5), Quantile.nearestRank(used.map(\.chromaFineRatio), 0.5),
            sharpness, skin.saturationMedian / 255, skin.value99 / 255, log1p(skin.colourfulness),
            surroundings.value1 / 255, surroundings.clippedFraction.squareRoot(), surroundings.whiteTint,
            log1p(Double(try straightEdges(image, face: face))),
        ]
        return FaceCueFeatures(values: values, tiles: tiles, contextBox: contextBox, tileSide: tileSide)
    }

    /// Straight segments at least 0.8 face heights long in the 4x crop that do not cross the
    /// face box (the face's own contours are curved; a print's or bezel's edge is not).
    static func straightEdges(_ image: Mat, face: Rect) throws -> Int {
        let box = FaceCrops.box(around: face, scale: 4.0, imageWidth: image.cols, imageHeight: image.rows)
        // At most 320 px across: long edges survive the downscale, texture does not.
        let (small, scale) = try image.cropped(box).fitting(maxSide: 320)
        let edges = try small.grey().gaussianBlurred(kernel: 5).canny(low: 40, high: 120)
        let minimum = 0.8 * face.height * scale
        let faceInCrop = Rect(x: (face.x - box.x) * scale, y: (face.y - box.y) * scale, width: face.width * scale, height: face.height * scale)
        let segments = try Geometry.lineSegments(in: edges, threshold: 40, minLength: minimum, maxGap: 4)
        return segments.filter { !faceInCrop.contains(($0.0 + $0.1) * 0.5) }.count
    }
}
