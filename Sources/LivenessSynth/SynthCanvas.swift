import COpenCVShim
import LivenessEngine

/// A BGR image being drawn: owns its matrix alone until `image` hands it out, so the drawing
/// calls (which mutate it in the shim) never touch a matrix anyone else holds.
final class SynthCanvas {
    private(set) var image: Mat

    init(_ image: Mat) { self.image = image }

    typealias Colour = (b: Double, g: Double, r: Double)

    func fill(_ points: [Point], _ colour: Colour, alpha: Double = 1) throws {
        let flat = points.flatMap { [Float($0.x), Float($0.y)] }
        try shimCall { lv_synth_fill_poly(image.handle, flat, Int32(points.count), [colour.b, colour.g, colour.r], alpha, $0) }
    }

    func rectangle(x: Double, y: Double, width: Double, height: Double, _ colour: Colour, alpha: Double = 1) throws {
        try fill([Point(x: x, y: y), Point(x: x + width, y: y), Point(x: x + width, y: y + height), Point(x: x, y: y + height)], colour, alpha: alpha)
    }

    /// Darkens a polygon by `strength` with a soft penumbra (a shadow).
    func shade(_ points: [Point], strength: Double, softness: Double) throws {
        let flat = points.flatMap { [Float($0.x), Float($0.y)] }
        try shimCall { lv_synth_shade(image.handle, flat, Int32(points.count), strength, softness, $0) }
    }

    /// Darkens the surface around an object of `thickness` pixels lying on it, outline `quad`:
    /// diffuse light (an `ambient` share) occluded near its edges, a lamp's light blocked over the
    /// `cast` offset away from it (`lv_synth_contact_shadow`).
    func contactShadow(around quad: Quad, thickness: Double, ambient: Double, cast: Point) throws {
        let flat = quad.corners.flatMap { [Float($0.x), Float($0.y)] }
        try shimCall { lv_synth_contact_shadow(image.handle, flat, thickness, ambient, cast.x, cast.y, $0) }
    }

    func line(_ points: [Point], _ colour: Colour, thickness: Int = 1, closed: Bool = false) throws {
        let flat = points.flatMap { [Float($0.x), Float($0.y)] }
        try shimCall { lv_synth_polyline(image.handle, flat, Int32(points.count), closed ? 1 : 0, [colour.b, colour.g, colour.r], Int32(thickness), $0) }
    }

    /// Writes text with its baseline's left end at (x, y); returns its width in pixels.
    @discardableResult
    func text(_ string: String, font: String, x: Double, y: Double, height: Double, _ colour: Colour) throws -> Double {
        var width: Int32 = 0
        try shimCall { lv_synth_text(image.handle, font, string, Int32(x), Int32(y), Int32(height), [colour.b, colour.g, colour.r], &width, $0) }
        return Double(width)
    }

    func paste(_ source: Mat, x: Int, y: Int, alpha: Double = 1) throws {
        try shimCall { lv_synth_paste(image.handle, source.handle, Int32(x), Int32(y), alpha, $0) }
    }

    /// Warps `source` onto the canvas by the homography (row-major 3x3); `prefilter` integrates
    /// the source over a canvas pixel when it is being shrunk.
    func warp(_ source: Mat, homography: [Double], prefilter: Double) throws {
        try shimCall { lv_synth_warp_onto(image.handle, source.handle, homography, prefilter, $0) }
    }
}
