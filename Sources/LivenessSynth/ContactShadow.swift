import Foundation
import LivenessEngine

/// The shadow of a document's own thickness on the surface it lies on. A card stands 0.76 mm
/// proud of the desk, so its outline shows a thin dark rim even where card and desk have the same
/// tone: diffuse room light is occluded near the edges, and a lamp's light is blocked over
/// thickness / tan(elevation) on the side away from it (`lv_synth_contact_shadow`).
struct ContactShadow {
    /// ISO/IEC 7810 ID-1 card thickness.
    static let cardMillimetres = 0.76
    /// A passport's data page lies on the half booklet under it.
    static let bookletMillimetres = 2.0
    /// Office paper (80 g/m2).
    static let paperMillimetres = 0.1

    var millimetres: Double
    /// The diffuse share of the light (the rest is the lamp).
    var ambient: Double
    /// The lamp's elevation above the surface and its direction in the image (radians).
    var elevation: Double
    var azimuth: Double

    /// The thickness of a document of `format` as it lies on a desk.
    static func millimetres(of format: DocumentFormat) -> Double {
        format == .id3 ? bookletMillimetres : cardMillimetres
    }

    /// Room light 40-80 % diffuse, the lamp 40-75 degrees high in any direction.
    static func draw(millimetres: Double, random: inout SynthRandom) -> ContactShadow {
        ContactShadow(millimetres: millimetres, ambient: random.uniform(0.4, 0.8),
                      elevation: random.uniform(40, 75) * .pi / 180, azimuth: random.uniform(0, 2 * .pi))
    }

    /// The same light on something of another thickness (a paper copy instead of the card).
    func thick(_ millimetres: Double) -> ContactShadow {
        var other = self
        other.millimetres = millimetres
        return other
    }

    /// Darkens `scene` around `outline` (scene pixels), drawn at `pixelsPerMillimetre`.
    func cast(around outline: Quad, pixelsPerMillimetre: Double, on scene: SynthCanvas) throws {
        let thickness = millimetres * pixelsPerMillimetre
        let length = thickness / tan(elevation)
        try scene.contactShadow(around: outline, thickness: thickness, ambient: ambient,
                                cast: Point(x: length * cos(azimuth), y: length * sin(azimuth)))
    }

    var parameters: [String: Double] {
        ["thickness_mm": millimetres, "ambient_light": ambient, "lamp_elevation": elevation * 180 / .pi]
    }
}
