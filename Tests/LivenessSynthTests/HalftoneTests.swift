import Foundation
@testable import LivenessEngine
@testable import LivenessSynth
import LivenessTestSupport
import Testing

/// The printer's halftone screen, seen by the camera: periodic dots make isolated spectral peaks.
@Suite(.enabled(if: SharedData.available, "needs ../shared (face sources)"))
struct HalftoneTests {
    @Test("a tint printed with a halftone screen shows periodic spectral peaks that the same card photographed does not (over a sample)")
    func halftonePeaks() throws {
        var bonaFide: [Double] = [], prints: [Double] = [], skipped = 0
        var index = 0
        while prints.count < 6 {
            var random = SynthRandom(seed: 78, index: index)
            index += 1
            // A plain pastel tint: every ink screened (C, M, Y and some K under grey component replacement).
            let card = try Surface.make(.paper, width: 1712, height: 1080, colour: (120, 160, 200), seed: random.seed())
            let copy = try PaperCopies.colourPrint(card, millimetres: (long: 85.6, short: 53.98), random: &random)
            // Inkjets diffuse their error instead of screening: no period to find.
            if copy.parameters["inkjet"] == 1 { skipped += 1; continue }
            // Close up (60-80 % of the frame) so that the 85-200 lpi screen spans 2-6 camera pixels.
            let genuine = try CameraCapture.photograph(card, random: &random, maximumSide: 1920, areaFraction: 0.6...0.8, maximumTilt: 15)
            bonaFide.append(try SynthTests.peakiness(genuine.jpeg, centre: Geometry.apply(genuine.homography, to: Point(x: 856, y: 540))))
            let printed = try CameraCapture.photograph(copy.image, random: &random, maximumSide: 1920, areaFraction: 0.6...0.8, maximumTilt: 15)
            prints.append(try SynthTests.peakiness(printed.jpeg, centre: Geometry.apply(printed.homography, to: copy.image.bounds.center)))
        }
        let median = { (values: [Double]) in values.sorted()[values.count / 2] }
        #expect(median(prints) > 2 * median(bonaFide), "bona fide \(bonaFide), prints \(prints) (\(skipped) inkjets skipped)")
        #expect(prints.filter { $0 > bonaFide.max()! }.count >= 4, "bona fide \(bonaFide), prints \(prints)")
    }
}
