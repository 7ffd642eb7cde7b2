import Foundation
@testable import LivenessEngine
@testable import LivenessSynth
import LivenessTestSupport
import Testing

/// The generator: reproducible, labels that match the pictures, and physics that shows.
@Suite(.enabled(if: SharedData.available, "needs ../shared (face sources)"))
struct SynthTests {
    static let faces = SharedData.root + "/data/face-sources/deepface"

    @Test("the same seed gives byte-identical images and labels; another seed does not")
    func reproducible() throws {
        let first = try SynthGenerator(seed: 42, facesFolder: Self.faces, maximumSide: 1280)
        let again = try SynthGenerator(seed: 42, facesFolder: Self.faces, maximumSide: 1280)
        let other = try SynthGenerator(seed: 43, facesFolder: Self.faces, maximumSide: 1280)
        for index in 0..<2 {
            let a = try first.sample(index), b = try again.sample(index)
            #expect(a.jpeg == b.jpeg)
            #expect(a.label == b.label)
            #expect(try other.sample(index).jpeg != a.jpeg)
        }
    }

    @Test("labels: the document inside the frame (2-90 % of it), the portrait inside the document, classes by species")
    func labelsAreConsistent() throws {
        let generator = try SynthGenerator(seed: 5, facesFolder: Self.faces, maximumSide: 1280)
        for index in 0..<6 {
            let (jpeg, label) = try generator.sample(index)
            let image = try ImageDecoder().decode(jpeg).pixels
            #expect(image.cols == label.width && image.rows == label.height)
            let document = Quad(label.doc_quad.map { Point(x: $0[0], y: $0[1]) })
            let portrait = Quad(label.portrait_quad.map { Point(x: $0[0], y: $0[1]) })
            #expect(document.isConvex && document.signedArea > 0, "clockwise, convex: \(label.doc_quad)")
            #expect(document.corners.allSatisfy { $0.x >= 0 && $0.y >= 0 && $0.x <= Double(label.width) && $0.y <= Double(label.height) })
            let fraction = document.area / Double(label.width * label.height)
            #expect(fraction > 0.02 && fraction < 0.9, "document covers \(fraction) of the frame")
            #expect(portrait.sharedArea(with: document) > 0.99 * portrait.area, "portrait inside the document")
            #expect(label.class == (label.species == "bona_fide" ? "bona_fide" : "attack"))
        }
    }

    /// Peak-to-median ratio of the spectrum of a 256 x 256 crop at `centre` (high-passed, Hann
    /// windowed), above 0.05 cycles per pixel and off the JPEG block grid (multiples of 1/16):
    /// periodic structure makes isolated peaks; paper grain and sensor noise do not (a ratio ~5).
    static func peakiness(_ jpeg: [UInt8], centre c: Point) throws -> Double {
        let image = try ImageDecoder().decode(jpeg).pixels
        let half = 128.0
        let crop = try image.warped(quad: Quad(Rect(x: c.x - half, y: c.y - half, width: 2 * half, height: 2 * half)), width: 256, height: 256).grey()
        let grey = crop.packedBytes(), smooth = try crop.gaussianBlurred(kernel: 0, sigma: 4).packedBytes()
        let hann = (0..<256).map { 0.5 - 0.5 * cos(2 * Double.pi * Double($0) / 255) }
        let values = (0..<(256 * 256)).map { Float((Double(grey[$0]) - Double(smooth[$0])) * hann[$0 % 256] * hann[$0 / 256]) }
        let spectrum = try Mat(width: 256, height: 256, floats: values).dftMagnitude()
        var band: [Float] = []
        spectrum.withFloats { values, stride in
            for v in 0..<256 where v % 16 != 0 {
                for u in 0..<256 where u % 16 != 0 {
                    let fu = Double(min(u, 256 - u)) / 256, fv = Double(min(v, 256 - v)) / 256
                    if (fu * fu + fv * fv).squareRoot() > 0.05 { band.append(values[v * stride + u]) }
                }
            }
        }
        band.sort()
        return Double(band.last!) / Double(band[band.count / 2])
    }

    @Test("a blank grey picture on a screen shows periodic spectral peaks that a blank grey card does not (over a sample)")
    func screenGridAliases() throws {
        var bonaFide: [Double] = [], replays: [Double] = []
        for index in 0..<6 {
            var random = SynthRandom(seed: 77, index: index)
            let blank = try Surface.make(.paper, width: 1712, height: 1080, colour: (175, 180, 178), seed: random.seed())
            let card = try CameraCapture.photograph(blank, random: &random, maximumSide: 1920, areaFraction: 0.4...0.6, maximumTilt: 15)
            bonaFide.append(try Self.peakiness(card.jpeg, centre: Geometry.apply(card.homography, to: Point(x: 856, y: 540))))
            let shown = try ScreenReplay.show(blank, documentMillimetres: 85.6, random: &random)
            let replay = try CameraCapture.photograph(shown.emitted, random: &random, maximumSide: 1920, areaFraction: 0.5...0.8,
                                                      maximumTilt: 15, surroundings: 0.4)
            replays.append(try Self.peakiness(replay.jpeg, centre: Geometry.apply(replay.homography, to: shown.document.center)))
        }
        // Over the sample, not image by image: a display seen from afar (pitch well under a sensor
        // pixel) aliases weakly, as real ones do.
        let median = { (values: [Double]) in values.sorted()[values.count / 2] }
        #expect(median(replays) > 2 * median(bonaFide), "bona fide \(bonaFide), replays \(replays)")
        #expect(replays.filter { $0 > bonaFide.max()! }.count >= 4, "bona fide \(bonaFide), replays \(replays)")
    }

    @Test("grey copies come out colourless by the engine's own measure; bona fide cards and colour prints do not")
    func greyCopiesAreColourless() throws {
        let generator = try SynthGenerator(seed: 21, species: [.bonaFide, .greyCopy, .printedCopy], facesFolder: Self.faces, maximumSide: 1280)
        var residuals: [String: [Double]] = [:]
        for index in 0..<6 {
            let (jpeg, label) = try generator.sample(index)
            let image = try ImageDecoder().decode(jpeg).pixels
            let document = try image.warped(quad: Quad(label.doc_quad.map { Point(x: $0[0], y: $0[1]) }), width: 856, height: 540)
            residuals[label.species, default: []].append(try PixelMeasurements.measure(document).chromaResidual ?? 0)
        }
        let threshold = ValidationThresholds().colorlessChromaResidual
        #expect(residuals["grey_copy"]!.allSatisfy { $0 < threshold }, "\(residuals)")
        #expect(residuals["bona_fide"]!.allSatisfy { $0 > threshold }, "\(residuals)")
        #expect(residuals["printed_copy"]!.allSatisfy { $0 > threshold }, "\(residuals)")
    }

    @Test("portrait substitutions: swapped on paper or digitally, the portrait inside the document, labelled as attacks")
    func portraitSubstitutions() throws {
        let generator = try SynthGenerator(seed: 5, species: [.portraitSubstitution], facesFolder: Self.faces, maximumSide: 1280)
        var kinds: Set<Double> = []
        for index in 0..<4 {
            let (jpeg, label) = try generator.sample(index)
            #expect(label.class == "attack" && label.species == "portrait_substitution")
            kinds.insert(label.parameters["physical"] ?? -1)
            let document = label.doc_quad.map { Point(x: $0[0], y: $0[1]) }
            let portrait = label.portrait_quad.map { Point(x: $0[0], y: $0[1]) }
            // Inside a convex quad: on the same side of all four edges.
            func inside(_ p: Point) -> Bool {
                let sides = (0..<4).map { i -> Double in
                    let a = document[i], b = document[(i + 1) % 4]
                    return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
                }
                return sides.allSatisfy { $0 > 0 } || sides.allSatisfy { $0 < 0 }
            }
            #expect(portrait.allSatisfy(inside), "the swapped portrait lies on the card")
            #expect(try ImageDecoder().decode(jpeg).pixels.cols == label.width)
        }
        #expect(kinds == [0, 1], "both the physical and the digital swap occur")
    }
}
