import Foundation
@testable import LivenessEngine
@testable import LivenessSynth
import Testing

/// Procedural surfaces at their physical size.
struct SurfaceTests {
    /// Ink edges crossed per pixel along the rows and columns of a grey newspaper surface.
    private func edgeDensity(pixelsPerMillimetre: Double, seed: UInt64) throws -> Double {
        let image = try Surface.make(.newspaper, width: 600, height: 600, colour: (200, 205, 210), seed: seed,
                                     pixelsPerMillimetre: pixelsPerMillimetre).packedBytes()
        func dark(_ x: Int, _ y: Int) -> Bool { image[(y * 600 + x) * 3 + 1] < 150 }
        var crossings = 0
        for y in 0..<600 { for x in 1..<600 where dark(x, y) != dark(x - 1, y) { crossings += 1 } }
        for x in 0..<600 { for y in 1..<600 where dark(x, y) != dark(x, y - 1) { crossings += 1 } }
        return Double(crossings) / Double(2 * 600 * 600)
    }

    @Test("a newspaper's type is drawn at its physical size: twice the pixels per millimetre, half the ink edges per pixel")
    func newspaperScalesWithTheDocument() throws {
        for seed: UInt64 in [1, 2, 3] {
            let fine = try edgeDensity(pixelsPerMillimetre: 5, seed: seed), coarse = try edgeDensity(pixelsPerMillimetre: 10, seed: seed)
            #expect(fine > 0.02, "seed \(seed): no type at 5 px/mm (\(fine))")
            #expect((0.4...0.62).contains(coarse / fine), "seed \(seed): \(coarse) / \(fine)")
        }
    }

    @Test("a newspaper without a scale is refused")
    func newspaperNeedsItsScale() {
        #expect(throws: (any Error).self) { try Surface.make(.newspaper, width: 10, height: 10, colour: (200, 200, 200), seed: 1) }
    }
}
