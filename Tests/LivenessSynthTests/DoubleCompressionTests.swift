import Foundation
@testable import LivenessEngine
@testable import LivenessSynth
import LivenessTestSupport
import Testing

/// The digital portrait swap is saved as JPEG twice (edited, then exported): its DCT coefficients
/// were rounded to the first quality's quantisation steps before the second's, and that first
/// grid stays in the image as a "JPEG ghost" (Farid 2009): saving the image again at the first
/// quality changes it less than saving it at qualities just above or below.
@Suite(.enabled(if: SharedData.available, "needs ../shared (face sources)"))
struct DoubleCompressionTests {
    @Test("digital portrait swaps keep a ghost of the first JPEG quality that a card saved once does not have (over a sample)")
    func firstQuantisationLeavesAGhost() throws {
        let generator = try SynthGenerator(seed: 31, facesFolder: SynthTests.faces, maximumSide: 1280)
        let renderer = CardRenderer(fonts: try Fonts.locate(), faces: generator.faces)
        var swapped: [Double] = [], savedOnce: [Double] = []
        var index = 0
        // A ghost shows where the first quality is the lower one (a coarser grid re-quantised by a
        // finer one); 8 points apart keeps the probes either side of it below the second.
        while swapped.count < 4, index < 60 {
            var random = SynthRandom(seed: 31, index: index)
            index += 1
            let card = try renderer.render(.id1, random: &random)
            let (image, details) = try PortraitSubstitution.digital(card, renderer: renderer, random: &random)
            let first = Int(details["jpeg_first"]!), second = Int(details["jpeg_second"]!)
            guard second >= first + 8 else { continue }
            swapped.append(try Self.dip(image, at: first))
            let once = try ImageDecoder().decode(try card.image.encoded(as: ".jpg", quality: second)).pixels
            savedOnce.append(try Self.dip(once, at: first))
        }
        #expect(swapped.count == 4, "only \(swapped.count) swaps with the first quality 8 below the second in \(index) samples")
        let median = { (values: [Double]) in values.sorted()[values.count / 2] }
        #expect(median(swapped) < 0.8 * median(savedOnce), "swapped \(swapped), saved once \(savedOnce)")
        #expect(swapped.max()! < savedOnce.min()!, "swapped \(swapped), saved once \(savedOnce)")
    }

    /// The change from saving `image` again at `quality`, over its mean at 4 points either side
    /// (below 1: a dip, the ghost), on the top-left 512 x 512 (aligned with the 8 x 8 grid).
    static func dip(_ image: Mat, at quality: Int) throws -> Double {
        let crop = try image.cropped(Rect(x: 0, y: 0, width: 512, height: 512))
        let original = crop.packedBytes()
        func change(_ q: Int) throws -> Double {
            let again = try ImageDecoder().decode(try crop.encoded(as: ".jpg", quality: q)).pixels.packedBytes()
            return zip(original, again).reduce(0.0) { $0 + pow(Double($1.0) - Double($1.1), 2) } / Double(original.count)
        }
        return try change(quality) / ((try change(quality - 4) + change(quality + 4)) / 2)
    }
}
