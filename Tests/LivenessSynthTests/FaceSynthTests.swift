import Foundation
@testable import LivenessEngine
@testable import LivenessSynth
import LivenessTestSupport
import Testing

/// The face generator: reproducible, labels that match the pictures, and physics that shows.
@Suite(.enabled(if: SharedData.available, "needs ../shared (face sources, YuNet)"))
struct FaceSynthTests {
    static let faces = SharedData.root + "/data/face-sources/deepface"

    /// Made once (finding the faces in the photos is the slow part).
    static let generator: Result<FaceSynthGenerator, any Error> = Result {
        try FaceSynthGenerator(seed: 42, faceFolders: [faces], modelDirectory: SharedData.models, maximumSide: 1280)
    }

    static func made(seed: UInt64, species: [FaceSynthSpecies] = FaceSynthSpecies.allCases, maximumSide: Int = 1280) throws -> FaceSynthGenerator {
        var generator = try Self.generator.get()
        generator.seed = seed
        generator.species = species
        generator.maximumSide = maximumSide
        return generator
    }

    @Test("the same seed gives byte-identical images and labels, from a generator made afresh; another seed does not")
    func reproducible() throws {
        let first = try Self.made(seed: 42)
        let again = try FaceSynthGenerator(seed: 42, faceFolders: [Self.faces], modelDirectory: SharedData.models, maximumSide: 1280)
        let other = try Self.made(seed: 43)
        #expect(first.sources.map(\.name) == again.sources.map(\.name))
        for index in 0..<3 {
            let a = try first.sample(index), b = try again.sample(index)
            #expect(a.jpeg == b.jpeg, "sample \(index) (\(a.label.species))")
            #expect(a.label == b.label)
            #expect(try other.sample(index).jpeg != a.jpeg)
        }
    }

    @Test("labels: species in turn, classes by species, the face box inside the image, a display only for replays, null written")
    func labelsAreConsistent() throws {
        let generator = try Self.made(seed: 5)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for index in 0..<6 {
            let (jpeg, label) = try generator.sample(index)
            let expected = ["none", "printed_photo", "screen_replay"][index % 3]
            #expect(label.species == expected)
            #expect(label.class == (expected == "none" ? "bona_fide" : "attack"))
            #expect(label.file == String(format: "%06d_%@.jpg", index, ["bona_fide", "printed_photo", "screen_replay"][index % 3]))
            #expect(label.source.hasPrefix("deepface/"))
            #expect((label.display != nil) == (expected == "screen_replay"))
            let image = try ImageDecoder().decode(jpeg).pixels
            #expect(image.cols == label.width && image.rows == label.height)
            #expect([640, 480, 1280, 720].contains(label.width))
            let box = try #require(label.face_box, "a face box for \(label.file)")
            #expect(box.count == 4 && box[2] > 8 && box[3] > 8, "\(box)")
            #expect(box[0] >= 0 && box[1] >= 0 && box[0] + box[2] <= Double(label.width) + 0.01 && box[1] + box[3] <= Double(label.height) + 0.01, "\(box)")
            if expected == "none" {
                let fraction = box[3] / Double(label.height)
                #expect(fraction > 0.15 && fraction <= 1, "face \(fraction) of the frame's height")
            }
            let line = String(decoding: try encoder.encode(label), as: UTF8.self)
            #expect(line.contains("\"display\":") && line.contains("\"face_box\":[") && line.contains("\"source\":\"deepface/"))
        }
    }

    /// Spread of colour in the face: standard deviations of B - Y and R - Y over the face box,
    /// averaged to 24 x 24 first (so sensor noise and single ink dots do not count).
    static func faceChroma(_ jpeg: [UInt8], box: [Double]) throws -> Double {
        let image = try ImageDecoder().decode(jpeg).pixels
        let pixels = try image.cropped(Rect(x: box[0], y: box[1], width: box[2], height: box[3])).resized(width: 24, height: 24).packedBytes()
        var blue: [Double] = [], red: [Double] = []
        for i in stride(from: 0, to: pixels.count, by: 3) {
            let b = Double(pixels[i]), g = Double(pixels[i + 1]), r = Double(pixels[i + 2])
            let y = 0.114 * b + 0.587 * g + 0.299 * r
            blue.append(b - y)
            red.append(r - y)
        }
        func deviation(_ values: [Double]) -> Double {
            let mean = values.reduce(0, +) / Double(values.count)
            return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
        }
        return deviation(blue) + deviation(red)
    }

    @Test("a printed photo holds less colour than the live capture of the same photo (four inks on paper, in room light)")
    func printsLoseGamut() throws {
        let live = try Self.made(seed: 3, species: [.bonaFide], maximumSide: 640)
        let printed = try Self.made(seed: 3, species: [.printedPhoto], maximumSide: 640)
        var ratios: [Double] = []
        for index in 0..<6 {
            let a = try live.sample(index), b = try printed.sample(index)
            #expect(a.label.source == b.label.source, "the same photo for the same seed and index")
            ratios.append(try Self.faceChroma(b.jpeg, box: b.label.face_box!) / Self.faceChroma(a.jpeg, box: a.label.face_box!))
        }
        // Over the sample: a glossy print's highlight or a vivid photo can hold its own once.
        let median = ratios.sorted()[ratios.count / 2]
        #expect(median < 0.9, "chroma ratios print / live \(ratios)")
    }

    /// Mean linear luminance (gamma 2.2 decoded) of the pixels inside `rect`.
    static func meanLuminance(_ image: Mat, _ rect: Rect) throws -> Double {
        let pixels = try image.cropped(rect).resized(width: 32, height: 32).packedBytes()
        return stride(from: 0, to: pixels.count, by: 3).reduce(0.0) { sum, i in
            sum + 0.114 * pow(Double(pixels[i]) / 255, 2.2) + 0.587 * pow(Double(pixels[i + 1]) / 255, 2.2) + 0.299 * pow(Double(pixels[i + 2]) / 255, 2.2)
        } / 1024
    }

    /// Slow (wide shots are a small share of replays: about 2.5 minutes in debug), so it runs when
    /// LIVENESS_SLOW_TESTS is set.
    @Test("a screen outshines the room it is photographed in: in wide shots the face on it is brighter than the frame's edges",
          .enabled(if: ProcessInfo.processInfo.environment["LIVENESS_SLOW_TESTS"] != nil, "slow: set LIVENESS_SLOW_TESTS=1"))
    func screensEmitLight() throws {
        let replay = try Self.made(seed: 11, species: [.screenReplay], maximumSide: 640)
        var ratios: [Double] = []
        // Wide shots are 15 % of replays (most attackers frame the face): look through enough.
        for index in 0..<200 where ratios.count < 5 {
            let (jpeg, label) = try replay.sample(index)
            guard label.parameters["close_up"] == 0 else { continue }
            let image = try ImageDecoder().decode(jpeg).pixels
            let box = label.face_box!, w = Double(label.width), h = Double(label.height), strip = 0.04 * min(w, h)
            let face = try Self.meanLuminance(image, Rect(x: box[0], y: box[1], width: box[2], height: box[3]))
            let edges = try [Rect(x: 0, y: 0, width: w, height: strip), Rect(x: 0, y: h - strip, width: w, height: strip),
                             Rect(x: 0, y: 0, width: strip, height: h), Rect(x: w - strip, y: 0, width: strip, height: h)].map { try Self.meanLuminance(image, $0) }
            ratios.append(face / max(1e-4, edges.reduce(0, +) / 4))
        }
        try #require(ratios.count >= 5, "enough wide shots")
        // Over the sample: a dark photo on a screen in a bright corner of a room can be dimmer once.
        #expect(ratios.sorted()[(ratios.count - 1) / 2] > 1.5, "face / room luminance \(ratios)")
    }

    /// Variance of the Laplacian of the face box resized to 128 x 128 (as `FaceCueFeatures`'
    /// `face_sharpness`, before its log).
    static func faceSharpness(_ jpeg: [UInt8], box: [Double]) throws -> Double {
        let image = try ImageDecoder().decode(jpeg).pixels
        return try image.cropped(Rect(x: box[0], y: box[1], width: box[2], height: box[3])).resized(width: 128, height: 128).grey().laplacianVariance()
    }

    @Test("optics: a 6 cm face on a print, filling the frame as a 19 cm live face does, is held 3 times nearer and is out of focus")
    func nearObjectsDefocus() throws {
        let frame = FaceCapture.Frame(width: 1280, height: 720, supersample: 2)
        for seed in UInt64(1)...20 {
            var random = SynthRandom(seed: seed, index: 0)
            let optics = FaceOptics.draw(frame: frame, random: &random)
            let live = optics.distance(ofObject: 190, spanning: 0.45), print = optics.distance(ofObject: 60, spanning: 0.45)
            #expect(live > 0.3 && live < 1, "a live face \(live) m away")
            #expect(abs(live / print - 190.0 / 60) < 1e-9)
            #expect(optics.blur(at: print, frame: frame).sigma > 1.5 * optics.blur(at: live, frame: frame).sigma, "seed \(seed): \(optics)")
        }
    }

    @Test("a printed or replayed face is blurrier than the live capture of the same photo by the same camera (variance of the Laplacian)")
    func recapturesAreBlurrier() throws {
        for species in [FaceSynthSpecies.printedPhoto, .screenReplay] {
            let live = try Self.made(seed: 7, species: [.bonaFide], maximumSide: 640)
            let attack = try Self.made(seed: 7, species: [species], maximumSide: 640)
            var ratios: [Double] = []
            for index in 0..<8 {
                let a = try live.sample(index), b = try attack.sample(index)
                #expect(a.label.source == b.label.source && a.label.parameters["aperture_mm"] == b.label.parameters["aperture_mm"],
                        "the same photo and camera for the same seed and index")
                ratios.append(try Self.faceSharpness(b.jpeg, box: b.label.face_box!) / Self.faceSharpness(a.jpeg, box: a.label.face_box!))
            }
            // Over the sample: a monitor at arm's length, or a print held far off, can be as sharp as the live face.
            let median = ratios.sorted()[ratios.count / 2]
            #expect(median < 0.7, "\(species) sharpness attack / live \(ratios)")
        }
    }
}
