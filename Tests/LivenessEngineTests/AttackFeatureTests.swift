import Foundation
import LivenessEngine
import LivenessTestSupport
import Testing

/// The screen and print cues on images whose physics is known: a display-like subpixel grating,
/// a grey fine-line grating, random texture, flat grey.
struct AttackFeatureTests {
    /// Random texture (no period), seeded.
    static func noise(width: Int, height: Int, seed: UInt64 = 7) -> Raster {
        var raster = Raster(width: width, height: height)
        var state = seed
        for y in 0..<height {
            for x in 0..<width {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let v = 100 + Double((state >> 33) % 60)
                raster.set(x, y, v, v, v)
            }
        }
        return raster
    }

    /// Emitted light of an RGB-stripe display (each 3 px column one colour) under random texture:
    /// the periodic, coloured structure a camera sees up close.
    static func subpixelGrating(width: Int, height: Int) -> Raster {
        var raster = noise(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let i = 3 * (y * width + x)
                let base = Double(raster.pixels[i])
                switch x % 3 {
                case 0: raster.set(x, y, base * 0.3, base * 0.3, base * 1.4)
                case 1: raster.set(x, y, base * 0.3, base * 1.4, base * 0.3)
                default: raster.set(x, y, base * 1.4, base * 0.3, base * 0.3)
                }
            }
        }
        return raster
    }

    /// Grey lines 5 px apart: periodic but colourless (fine-line printing).
    static func greyLines(width: Int, height: Int) -> Raster {
        var raster = noise(width: width, height: height)
        for y in 0..<height where y % 5 == 0 {
            for x in 0..<width { raster.set(x, y, 40, 40, 40) }
        }
        return raster
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    @Test func periodicStructureRaisesTheLumaPeakAboveRandomTexture() throws {
        let random = try TileSpectrum.measure(Self.noise(width: 512, height: 512).mat())
        let grating = try TileSpectrum.measure(Self.subpixelGrating(width: 512, height: 512).mat())
        let lines = try TileSpectrum.measure(Self.greyLines(width: 512, height: 512).mat())
        #expect(random.count == 4 && grating.count == 4)
        #expect(Self.median(grating.map(\.lumaPeak)) > Self.median(random.map(\.lumaPeak)) + 1)
        #expect(Self.median(lines.map(\.lumaPeak)) > Self.median(random.map(\.lumaPeak)) + 1)
    }

    @Test func colouredSubpixelsRaiseTheChromaPeakGreyLinesDoNot() throws {
        let grating = try TileSpectrum.measure(Self.subpixelGrating(width: 512, height: 512).mat())
        let lines = try TileSpectrum.measure(Self.greyLines(width: 512, height: 512).mat())
        #expect(Self.median(grating.map(\.chromaPeak)) > Self.median(lines.map(\.chromaPeak)) + 1)
        #expect(Self.median(grating.map(\.chromaFine)) > 3 * Self.median(lines.map(\.chromaFine)))
    }

    @Test func tilesAreSpreadOverTheImageAndCapped() throws {
        let tiles = try TileSpectrum.measure(Self.noise(width: 1400, height: 600).mat(), tileSize: 128, maximumTiles: 10)
        #expect(tiles.count == 10)
        #expect(Set(tiles.map(\.y)).count >= 2, "tiles come from more than one row")
        #expect(tiles.allSatisfy { $0.x + 128 <= 1400 && $0.y + 128 <= 600 })
        #expect(try TileSpectrum.measure(Self.noise(width: 100, height: 100).mat()).isEmpty, "smaller than a tile: nothing measured")
    }

    @Test func colourStatisticsTellGreyFromColour() throws {
        let grey = try ColourStatistics.measure(Raster(width: 64, height: 64, fill: (128, 128, 128)).mat())
        let red = try ColourStatistics.measure(Raster(width: 64, height: 64, fill: (20, 20, 220)).mat())
        #expect(grey.colourfulness < 1 && grey.saturation99 == 0)
        #expect(red.colourfulness > 50 && red.saturation99 > 200, "0.3 x the mean chroma (200, 100) of a flat red")
        #expect(red.whiteTint < 0, "red whites tint towards red (blue minus red < 0)")
        let clipped = try ColourStatistics.measure(Raster(width: 64, height: 64, fill: (255, 255, 255)).mat())
        #expect(clipped.clippedFraction == 1)
    }

    @Test func featureVectorHasOneValuePerName() throws {
        let features = try AttackFeatures.measure(Self.subpixelGrating(width: 600, height: 400).mat())
        #expect(features.values.count == AttackFeatures.names.count)
        #expect(features.values.allSatisfy { $0.isFinite })
        #expect(features["luma_peak_p75"] == features.values[0])
    }

    @Test func cropKeepsThePartInsideTheImage() throws {
        let image = try Raster(width: 100, height: 80).mat()
        let crop = try image.cropped(Rect(x: 90, y: -10, width: 30, height: 30))
        #expect(crop.cols == 10 && crop.rows == 20)
        #expect(throws: OpenCVError.self) { try image.cropped(Rect(x: 200, y: 0, width: 10, height: 10)) }
    }
}
