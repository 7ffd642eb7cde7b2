import COpenCVShim

/// A private copy of an image to draw on (debug images). Drawing mutates only this copy.
public final class Canvas {
    public struct Color: Sendable {
        public var b, g, r: Double
        public static let green = Color(b: 0, g: 220, r: 0)
        public static let red = Color(b: 0, g: 0, r: 255)
        public static let yellow = Color(b: 0, g: 230, r: 255)
        public static let cyan = Color(b: 255, g: 220, r: 0)
        public static let white = Color(b: 255, g: 255, r: 255)
    }

    public let image: Mat

    public init(copying source: Mat) throws {
        let colour = source.channels == 1 ? try source.converted(.greyToBGR) : source
        image = try colour.cloned()
    }

    public func polygon(_ points: [Point], color: Color, thickness: Int, closed: Bool = true) throws {
        let flat = points.flatMap { [Float($0.x), Float($0.y)] }
        let bgr = [color.b, color.g, color.r]
        try shimCall { lv_draw_polyline(image.handle, flat, Int32(points.count), closed ? 1 : 0, bgr, Int32(thickness), $0) }
    }

    /// Fills a polygon blended with `alpha` (1 = opaque), anti-aliased.
    public func fill(_ points: [Point], color: Color, alpha: Double) throws {
        let flat = points.flatMap { [Float($0.x), Float($0.y)] }
        try shimCall { lv_synth_fill_poly(image.handle, flat, Int32(points.count), [color.b, color.g, color.r], alpha, $0) }
    }

    public func text(_ string: String, at point: Point, scale: Double, color: Color, thickness: Int) throws {
        let bgr = [color.b, color.g, color.r]
        try shimCall { lv_draw_text(image.handle, string, Int32(point.x), Int32(point.y), scale, bgr, Int32(thickness), $0) }
    }
}
