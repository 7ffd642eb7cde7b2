import COpenCVShim
import Foundation
import LivenessEngine

/// The light source mirrored in a card's laminate: a soft elliptical lobe (the blurred image of
/// a lamp or a window, drawn out along one axis as a reflection on a tilted sheet is) on the
/// card's plane, added to the scene's linear light before the sensor, so the lens blurs it,
/// auto-exposure meters it, the light's colour tints it and the sensor clips it where it
/// outshines the exposure. Nothing is painted: where it saturates follows from its peak, the
/// card's own brightness and the exposure. Only laminated plastic (bona fide cards and the
/// portrait substitutions made on them) reflects like this; paper prints and copies are matte,
/// and screens have their own glass reflection (`ScreenReplay`).
struct LaminateGlare {
    /// The lobe's centre on the card (card pixels).
    var centre: Point
    /// Its Gaussian sigma along and across its long axis (card pixels).
    var axes: (long: Double, short: Double)
    /// The long axis's direction on the card, radians.
    var angle: Double
    /// Its peak radiance relative to a white diffuse surface under the same light (linear).
    var peak: Double

    /// Share of laminated documents photographed with the light reflected in them.
    static let probability = 0.3

    /// Drawn for a card `width` x `height` pixels, or nil (no reflection in this shot):
    /// centred anywhere on the card's middle 80 %, 4-15 % of its long side across (sigma),
    /// 1.2-3.5 times longer than wide, peak 0.8-4 times a white surface (a diffuse lamp's
    /// reflection to a bare bulb's, softened by the laminate's roughness).
    static func draw(width: Double, height: Double, random: inout SynthRandom) -> LaminateGlare? {
        guard random.chance(probability) else { return nil }
        let short = random.uniform(0.04, 0.15) * max(width, height)
        return LaminateGlare(centre: Point(x: random.uniform(0.1, 0.9) * width, y: random.uniform(0.1, 0.9) * height),
                             axes: (short * random.uniform(1.2, 3.5), short), angle: random.uniform(0, .pi), peak: random.uniform(0.8, 4))
    }

    /// For the label: position as a fraction of the card, sizes as fractions of its long side.
    func parameters(width: Double, height: Double) -> [String: Double] {
        let long = max(width, height)
        return ["glare": 1, "glare_x": centre.x / width, "glare_y": centre.y / height, "glare_long": axes.long / long,
                "glare_short": axes.short / long, "glare_angle": angle, "glare_strength": peak]
    }

    /// The shim's description of the lobe, with `homography` from card pixels to scene pixels.
    func shim(homography: [Double], width: Double, height: Double) -> lv_synth_glare {
        var glare = lv_synth_glare()
        withUnsafeMutableBytes(of: &glare.homography) { raw in
            let values = raw.bindMemory(to: Double.self)
            for i in 0..<9 { values[i] = homography[i] }
        }
        glare.size = (width, height)
        glare.centre = (centre.x, centre.y)
        glare.axes = (axes.long, axes.short)
        glare.angle = angle
        glare.peak = peak
        return glare
    }
}
