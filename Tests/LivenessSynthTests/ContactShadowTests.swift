import Foundation
@testable import LivenessEngine
@testable import LivenessSynth
import Testing

/// The shadow of a document's thickness on a uniformly lit grey surface (code 128): half the
/// diffuse sky hidden at the document's foot, the lamp's light blocked on the far side, nothing
/// beyond a few thicknesses, nothing under the document.
struct ContactShadowTests {
    /// The surface after the shadow of a 100 x 100 px document at (50...150, 50...150), 6 px
    /// thick, 60 % diffuse light, the lamp casting 4 px towards +x; green channel.
    private func shadowed() throws -> (Int, Int) -> Int {
        let canvas = SynthCanvas(try Mat(width: 200, height: 200, channels: 3, bytes: [UInt8](repeating: 128, count: 200 * 200 * 3)))
        let outline = Quad([Point(x: 50, y: 50), Point(x: 150, y: 50), Point(x: 150, y: 150), Point(x: 50, y: 150)])
        try canvas.contactShadow(around: outline, thickness: 6, ambient: 0.6, cast: Point(x: 4, y: 0))
        let bytes = canvas.image.packedBytes()
        return { x, y in Int(bytes[(y * 200 + x) * 3 + 1]) }
    }

    @Test("at the lit side's foot the surface gets the lamp and about half the diffuse light")
    func occludesDiffuseLight() throws {
        let value = try shadowed()
        // Pixel 49 is 1 px out: diffuse share 1 - (1 - 1 / hypot(1, 6)) / 2 = 0.58, gain
        // 0.6 x 0.58 + 0.4 = 0.75, code 128 x 0.75^(1/2.2) = 112.
        #expect((108...114).contains(value(49, 100)))
        // One thickness out the diffuse loss is (1 - 1/sqrt 2) / 2 = 15 %: code 128 x 0.91^(1/2.2) = 123.
        #expect((121...125).contains(value(44, 100)))
    }

    @Test("the lamp's side is darker: its light is blocked over the cast length")
    func castsAwayFromTheLamp() throws {
        let value = try shadowed()
        // 1 px out on the far side: only the unoccluded diffuse light, 0.6 x 0.58: code 79.
        #expect((75...84).contains(value(151, 100)))
        #expect(value(151, 100) < value(49, 100) - 20)
        // Beyond the cast length and penumbra the lamp lights it again.
        #expect(value(160, 100) > value(152, 100) + 10)
    }

    @Test("far from the edges and under the document the surface is untouched")
    func leavesTheRestAlone() throws {
        let value = try shadowed()
        #expect(value(10, 10) == 128)
        #expect(value(190, 100) == 128)
        #expect(value(100, 100) == 128)
    }
}
