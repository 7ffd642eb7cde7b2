import Foundation
import LivenessEngine

/// A photo (`--backgrounds`) as the surface a document lies on, instead of a procedural one: a
/// random crop of it, turned by any angle and magnified, filling the whole frame.
struct PhotoBackground {
    var path: String
    /// The crop's turn, radians.
    var angle: Double
    /// The crop's size relative to the largest one at that angle that fits the photo (0.35-1:
    /// smaller is a closer look at the surface).
    var zoom: Double
    /// Where the crop sits within the room left around it (0-1 across and down).
    var position: (x: Double, y: Double)

    /// Share of captures on a photo when `--backgrounds` is given.
    static let probability = 0.5

    /// Drawn from `photos`, or nil (a procedural surface this time).
    static func draw(from photos: [String], random: inout SynthRandom) -> PhotoBackground? {
        guard !photos.isEmpty, random.chance(probability) else { return nil }
        return PhotoBackground(path: random.pick(photos), angle: random.uniform(0, 2 * .pi), zoom: random.uniform(0.35, 1),
                               position: (random.uniform(0, 1), random.uniform(0, 1)))
    }

    /// The surface for a `width` x `height` scene, lit at `brightness` times the photo's own
    /// light (in linear light).
    func render(width: Int, height: Int, brightness: Double) throws -> Mat {
        var photo = try ImageDecoder().decode([UInt8](Data(contentsOf: URL(fileURLWithPath: path)))).pixels
        let aspect = Double(width) / Double(height)
        let c = abs(cos(angle)), s = abs(sin(angle))
        // The largest crop of this aspect, turned by `angle`, inside the photo; then `zoom` of it.
        let fit = min(Double(photo.cols) / (c + s / aspect), Double(photo.rows) / (s + c / aspect))
        var cropWidth = fit * zoom
        // Shrinking by more than 1.5: averaged first (area resampling), so the warp does not alias.
        let shrink = cropWidth / Double(width)
        if shrink > 1.5 {
            photo = try photo.resized(width: max(1, Int(Double(photo.cols) / shrink)), height: max(1, Int(Double(photo.rows) / shrink)))
            cropWidth /= shrink
        }
        let cropHeight = cropWidth / aspect
        let reach = (x: cropWidth / 2 * (c + s / aspect), y: cropWidth / 2 * (s + c / aspect))
        let centre = Point(x: reach.x + (Double(photo.cols) - 2 * reach.x) * position.x, y: reach.y + (Double(photo.rows) - 2 * reach.y) * position.y)
        let corners = [(-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)].map { (u, v) in
            Point(x: centre.x + u * cropWidth * cos(angle) - v * cropHeight * sin(angle), y: centre.y + u * cropWidth * sin(angle) + v * cropHeight * cos(angle))
        }
        let surface = try photo.warped(quad: Quad(corners), width: width, height: height)
        return abs(brightness - 1) > 1e-6 ? try surface.scaled(by: brightness) : surface
    }

    var parameters: [String: Double] { ["background_angle": angle, "background_zoom": zoom] }
    var name: String { (path as NSString).lastPathComponent }
}
