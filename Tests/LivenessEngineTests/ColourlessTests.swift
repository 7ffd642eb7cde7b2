import Foundation
import Testing
@testable import LivenessEngine
import LivenessTestSupport

/// DOCUMENT_IS_COLORLESS under coloured and uneven light: a grey copy stays colourless under any
/// smooth tint, a colour card never becomes colourless however dim or tinted the light.
@Suite struct ColourlessTests {
    /// Per-channel gains of a light source (applied to the encoded values, as a white balance would be off).
    struct Light: Sendable, CustomTestStringConvertible {
        var name: String
        var r: Double, g: Double, b: Double
        var testDescription: String { name }

        static let neutral = Light(name: "neutral", r: 1, g: 1, b: 1)
        static let warm = Light(name: "warm", r: 1, g: 0.8, b: 0.55)
        static let pink = Light(name: "pink", r: 1, g: 0.75, b: 0.85)
        static let blue = Light(name: "blue", r: 0.6, g: 0.8, b: 1)
        static let amber = Light(name: "amber", r: 1, g: 0.7, b: 0.35)
    }

    /// How a document is lit: a light at its left edge blending linearly into one at its right,
    /// dimmed to `level` of the light (in linear light, sRGB ~ gamma 2.2), photographed as JPEG.
    struct Scene: Sendable, CustomTestStringConvertible {
        var left: Light, right: Light, level: Double, quality: Int
        var testDescription: String { "\(left.name)->\(right.name) x\(level) q\(quality)" }

        static func uniform(_ light: Light, level: Double = 1, quality: Int = 60) -> Scene {
            Scene(left: light, right: light, level: level, quality: quality)
        }
    }

    static let scenes: [Scene] = [
        .uniform(.neutral), .uniform(.warm), .uniform(.pink, quality: 40), .uniform(.blue), .uniform(.amber, quality: 90),
        .uniform(.warm, level: 0.25), .uniform(.pink, level: 0.25, quality: 45), .uniform(.blue, level: 0.5),
        Scene(left: .warm, right: .blue, level: 1, quality: 60),
        Scene(left: .amber, right: .neutral, level: 0.5, quality: 50),
        Scene(left: .pink, right: .warm, level: 0.25, quality: 75),
    ]

    /// The threshold was fitted on this card generator at hues 0 and 2 (with a portrait); the
    /// tests use a hue it never saw and no portrait, and check the shipped threshold itself.
    static let colourCard: Raster = try! SceneBuilder.card(withPortrait: false, hue: 4)
    static let threshold = ValidationThresholds().colorlessChromaResidual

    static func photograph(_ content: Raster, _ scene: Scene) throws -> Mat {
        var lit = content
        let dim = pow(scene.level, 1 / 2.2)
        let gains: [(b: Double, g: Double, r: Double)] = (0..<lit.width).map { x in
            let t = Double(x) / Double(lit.width - 1)
            return ((scene.left.b + t * (scene.right.b - scene.left.b)) * dim,
                    (scene.left.g + t * (scene.right.g - scene.left.g)) * dim,
                    (scene.left.r + t * (scene.right.r - scene.left.r)) * dim)
        }
        let width = lit.width
        content.pixels.withUnsafeBufferPointer { source in
            lit.pixels.withUnsafeMutableBufferPointer { target in
                for i in 0..<(width * lit.height) {
                    let gain = gains[i % width]
                    target[3 * i] = UInt8(min(255, (Double(source[3 * i]) * gain.b).rounded()))
                    target[3 * i + 1] = UInt8(min(255, (Double(source[3 * i + 1]) * gain.g).rounded()))
                    target[3 * i + 2] = UInt8(min(255, (Double(source[3 * i + 2]) * gain.r).rounded()))
                }
            }
        }
        return try ImageDecoder().decode(SceneBuilder.jpeg(lit, quality: scene.quality)).pixels
    }

    @Test(arguments: scenes) func greyCopyIsColourless(scene: Scene) throws {
        let document = try Self.photograph(Self.colourCard.greyscale(), scene)
        let measurements = try PixelMeasurements.measure(document)
        let residual = try #require(measurements.chromaResidual)
        #expect(residual < Self.threshold, "residual \(residual)")
        #expect(measurements.statuses(ValidationThresholds()).contains(.documentIsColorless))
    }

    @Test(arguments: scenes) func colourCardIsNotColourless(scene: Scene) throws {
        let document = try Self.photograph(Self.colourCard, scene)
        let measurements = try PixelMeasurements.measure(document)
        let residual = try #require(measurements.chromaResidual)
        #expect(residual >= Self.threshold, "residual \(residual)")
        #expect(!measurements.statuses(ValidationThresholds()).contains(.documentIsColorless))
    }

    /// A coloured rim (the locator's quad 3 % too large, over a coloured table) is not colour on the document.
    @Test func colouredBorderIsIgnored() throws {
        var grey = Self.colourCard.greyscale()
        for y in 0..<grey.height {
            for x in 0..<grey.width where x < 25 || x >= grey.width - 25 || y < 16 || y >= grey.height - 16 {
                grey.set(x, y, 40, 90, 150)
            }
        }
        let document = try Self.photograph(grey, .uniform(.warm))
        let residual = try #require(try PixelMeasurements.chromaResidual(document))
        #expect(residual < ValidationThresholds().colorlessChromaResidual, "residual \(residual)")
    }

    /// Too dark to read colour: no verdict rather than a false "colourless".
    @Test func blackDocumentHasNoResidual() throws {
        let document = try Raster(width: 856, height: 540, fill: (10, 10, 10)).mat()
        #expect(try PixelMeasurements.chromaResidual(document) == nil)
        #expect(try PixelMeasurements.measure(document).statuses(ValidationThresholds()).isEmpty)
    }

    @Test func quantileMatchesSorting() {
        var generator = SplitMix(seed: 3)
        for count in [1, 2, 7, 100, 1001] {
            let values = (0..<count).map { _ in Double(generator.next() % 50) / 7 }
            for q in [0, 0.5, 0.96, 1] {
                #expect(PixelMeasurements.quantile(values, q) == values.sorted()[Int(Double(count - 1) * q)], "n \(count) q \(q)")
            }
        }
    }
}

/// The colourless cue on real data: the grey photocopies of ../shared/data/dlc2021-greycopy-dev warped
/// by their true quads (what the engine sees when the locator is right), and real colour photos as
/// card content under the same lights as `ColourlessTests`.
@Suite(.enabled(if: SharedData.available, "needs ../shared/data"))
struct ColourlessRealDataTests {

    /// 58 of 60 measured (alb_id + esp_id, where the threshold was fitted: 29/30; fin_id + grc_passport,
    /// held out: 29/30). The two misses have real colour in the frame: a purple object over the card's
    /// lower edge and painted fingernails holding the passport.
    @Test func realGreyCopiesAreColourless() throws {
        let labels = try DocumentLabel.load(folder: SharedData.greyCopies)
        let threshold = ValidationThresholds().colorlessChromaResidual
        var colourless = 0, fit = 0, heldOut = 0
        for label in labels {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: SharedData.greyCopies + "/" + label.file)))
            let image = try ImageDecoder().decode(bytes).pixels
            let document = try image.warped(quad: label.quad, width: 856, height: 540)
            guard let residual = try PixelMeasurements.chromaResidual(document), residual < threshold else { continue }
            colourless += 1
            if label.file.hasPrefix("alb_id") || label.file.hasPrefix("esp_id") { fit += 1 } else { heldOut += 1 }
        }
        #expect(labels.count == 60)
        #expect(colourless >= 57, "colourless \(colourless)/60")
        #expect(fit >= 28, "fit split (alb_id, esp_id) \(fit)/30")
        #expect(heldOut >= 28, "held-out split (fin_id, grc_passport) \(heldOut)/30")
    }

    /// Colour photos (faces, clothes, backgrounds) filling the document never read as colourless.
    /// None of these four was among the 14 deepface photos the threshold was fitted with.
    @Test(arguments: ["img30.jpg", "img40.jpg", "img50.jpg", "img6.jpg"])
    func colourPhotoIsNotColourless(file: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: SharedData.root + "/data/face-sources/deepface/" + file)))
        let photo = try ImageDecoder().decode(bytes).pixels
        let scale = min(Double(photo.cols) / 856, Double(photo.rows) / 540)
        let (w, h) = (856 * scale, 540 * scale), (x0, y0) = ((Double(photo.cols) - 856 * scale) / 2, (Double(photo.rows) - 540 * scale) / 2)
        let content = Raster(try photo.warped(quad: Quad([Point(x: x0, y: y0), Point(x: x0 + w, y: y0), Point(x: x0 + w, y: y0 + h), Point(x: x0, y: y0 + h)]),
                                              width: 856, height: 540))
        for scene in [ColourlessTests.Scene.uniform(.amber, level: 0.25), .uniform(.blue, level: 0.25), .uniform(.pink, level: 0.5),
                      ColourlessTests.Scene(left: .warm, right: .blue, level: 0.5, quality: 50)] {
            let colour = try #require(try PixelMeasurements.chromaResidual(ColourlessTests.photograph(content, scene)))
            let grey = try #require(try PixelMeasurements.chromaResidual(ColourlessTests.photograph(content.greyscale(), scene)))
            #expect(colour >= ValidationThresholds().colorlessChromaResidual, "\(file) \(scene.testDescription): colour \(colour)")
            #expect(grey < ValidationThresholds().colorlessChromaResidual, "\(file) \(scene.testDescription): grey \(grey)")
        }
    }
}
