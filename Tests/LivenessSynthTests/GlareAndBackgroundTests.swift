import Foundation
@testable import LivenessEngine
@testable import LivenessSynth
import LivenessTestSupport
import Testing

/// Laminate glare and photo backgrounds: present where the physics puts them, labelled, and
/// absent elsewhere.
@Suite(.enabled(if: SharedData.available, "needs ../shared (face sources)"))
struct GlareAndBackgroundTests {
    static let faces = SharedData.root + "/data/face-sources/deepface"

    /// Share of the document's pixels (rectified to 428 x 270) at 250 or more in some channel:
    /// the sensor clipped there (after white balance a clipped channel need not stay at 255 in
    /// the others, so it is not always white).
    static func clippedShare(_ jpeg: [UInt8], _ label: SynthLabel) throws -> Double {
        let image = try ImageDecoder().decode(jpeg).pixels
        let document = try image.warped(quad: Quad(label.doc_quad.map { Point(x: $0[0], y: $0[1]) }), width: 428, height: 270)
        let bytes = document.packedBytes()
        var clipped = 0
        for i in stride(from: 0, to: bytes.count, by: 3) where max(bytes[i], bytes[i + 1], bytes[i + 2]) >= 250 { clipped += 1 }
        return Double(clipped) / Double(bytes.count / 3)
    }

    @Test("bona fide cards with glare have clipped white pixels on the document that those without do not (over a sample)")
    func glareClips() throws {
        let generator = try SynthGenerator(seed: 12, species: [.bonaFide, .portraitSubstitution], facesFolder: Self.faces, maximumSide: 1280)
        var with: [Double] = [], without: [Double] = []
        for index in 0..<14 {
            let (jpeg, label) = try generator.sample(index)
            let share = try Self.clippedShare(jpeg, label)
            if label.parameters["glare"] == 1 {
                #expect(label.parameters["glare_strength"] != nil && label.parameters["glare_x"] != nil && label.parameters["glare_long"] != nil)
                with.append(share)
            } else {
                without.append(share)
            }
        }
        let median = { (values: [Double]) in values.sorted()[values.count / 2] }
        #expect(with.count >= 2 && without.count >= 5, "glare on \(with.count) of 14 (30 % expected)")
        // A lobe a few percent of the card across, over 0.6-3 times a white surface: some of it clips.
        #expect(median(with) > 0.005 && median(with) > 5 * median(without), "with glare \(with), without \(without)")
    }

    @Test("paper copies, screens and edited uploads never get laminate glare")
    func mattesDoNotGlare() throws {
        let generator = try SynthGenerator(seed: 12, species: [.printedCopy, .greyCopy, .screenReplay, .digitalManipulation],
                                           facesFolder: Self.faces, maximumSide: 1280)
        for index in 0..<8 {
            #expect(try generator.sample(index).label.parameters["glare"] == nil)
        }
    }

    @Test("the same shot with a laminate glare clips where the lobe lies and nowhere else")
    func glareLiesWhereDrawn() throws {
        let (_, card, _) = try DigitalManipulationTests.card(0)
        for index in 0..<3 {
            let glare = LaminateGlare(centre: Point(x: 1100, y: 500), axes: (long: 200, short: 80), angle: 0.3, peak: 2.5)
            var random = SynthRandom(seed: 3, index: index), same = random
            let plain = try CameraCapture.photograph(card.image, random: &random, maximumSide: 1280)
            let glared = try CameraCapture.photograph(card.image, random: &same, maximumSide: 1280, glare: glare)
            #expect(plain.homography == glared.homography)
            let a = try ImageDecoder().decode(plain.jpeg).pixels, b = try ImageDecoder().decode(glared.jpeg).pixels
            // Brightest where the lobe is: the rectified card, 1/4 scale.
            let toCard = { (shot: CameraCapture.Shot, image: Mat) in
                try image.warped(quad: Quad(card.image.bounds.corners.map { Geometry.apply(shot.homography, to: $0) }), width: 428, height: 270).grey()
            }
            let before = try toCard(plain, a).packedBytes(), after = try toCard(glared, b).packedBytes()
            let lobe = (x: 1100 / 4, y: 500 / 4)
            #expect(Int(after[lobe.y * 428 + lobe.x]) >= 245, "the lobe's centre clips")
            #expect(Int(after[lobe.y * 428 + lobe.x]) - Int(before[lobe.y * 428 + lobe.x]) > 30)
            // Far from it (over 4 sigma), within the exposure change the glare's light makes.
            let far = (x: 40, y: 230)
            #expect(abs(Int(after[far.y * 428 + far.x]) - Int(before[far.y * 428 + far.x])) < 20)
        }
    }

    @Test("--backgrounds: half the captures lie on a photo from the folder, named in the label; without it, procedural surfaces")
    func photoBackgrounds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("synth-backgrounds-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Two photos the test makes: saturated red and saturated green stripes, colours no procedural surface has.
        for (name, colour) in [("red.png", [40.0, 40, 220]), ("green.jpg", [40.0, 200, 40])] {
            let canvas = SynthCanvas(try Surface.make(.plain, width: 900, height: 700, colour: (colour[0], colour[1], colour[2]), seed: 0))
            for x in stride(from: 0.0, to: 900, by: 60) { try canvas.rectangle(x: x, y: 0, width: 20, height: 700, (colour[0] * 0.5, colour[1] * 0.5, colour[2] * 0.5)) }
            try Data(try canvas.image.encoded(as: "." + (name as NSString).pathExtension, quality: 95)).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        let generator = try SynthGenerator(seed: 4, species: [.bonaFide, .printedCopy], facesFolder: Self.faces, maximumSide: 1280, backgroundsFolder: folder)
        let plain = try SynthGenerator(seed: 4, species: [.bonaFide, .printedCopy], facesFolder: Self.faces, maximumSide: 1280)
        var onPhotos = 0
        for index in 0..<8 {
            let (jpeg, label) = try generator.sample(index)
            let image = try ImageDecoder().decode(jpeg).pixels
            // The frame's corner (off the document): the photo's hue, or not.
            let corner = try image.cropped(Rect(x: 0, y: 0, width: 12, height: 12)).packedBytes()
            let mean = (0..<3).map { c in stride(from: c, to: corner.count, by: 3).reduce(0.0) { $0 + Double(corner[$1]) } / Double(corner.count / 3) }
            let saturated = max(mean[1], mean[2]) > 1.6 * mean[0]
            if let name = label.background {
                onPhotos += 1
                #expect(["red.png", "green.jpg"].contains(name))
                #expect(label.parameters["surface"] == -1 && label.parameters["background_zoom"] != nil)
                #expect(saturated, "\(name): corner \(mean)")
            } else {
                #expect(label.parameters["surface"]! >= 0)
                // Without a photo the sample is the one the generator makes without --backgrounds.
                #expect(try plain.sample(index).jpeg == jpeg)
            }
        }
        #expect(onPhotos >= 2 && onPhotos <= 6, "\(onPhotos) of 8 on photos (half expected)")
    }
}
