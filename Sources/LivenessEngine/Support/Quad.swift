/// A quadrilateral: four corners clockwise (in image coordinates) from the document's top-left.
public struct Quad: Sendable, Hashable, Codable {
    public var corners: [Point]

    public init(_ corners: [Point]) {
        precondition(corners.count == 4, "a quad has four corners")
        self.corners = corners
    }

    /// The rectangle as a quad.
    public init(_ rect: Rect) { self.init(rect.corners) }

    public var topLeft: Point { corners[0] }
    public var topRight: Point { corners[1] }
    public var bottomRight: Point { corners[2] }
    public var bottomLeft: Point { corners[3] }

    var flatFloats: [Float] { corners.flatMap { [Float($0.x), Float($0.y)] } }

    /// Signed area by the shoelace formula (positive when clockwise in image coordinates).
    public var signedArea: Double { Polygon.signedArea(corners) }
    public var area: Double { abs(signedArea) }
    public var perimeter: Double { (0..<4).reduce(0) { $0 + corners[$1].distance(to: corners[($1 + 1) % 4]) } }
    public var center: Point { corners.reduce(Point(x: 0, y: 0), +) * 0.25 }

    /// True when the quad is convex and not self-intersecting.
    public var isConvex: Bool {
        var sign = 0.0
        for i in 0..<4 {
            let a = corners[i], b = corners[(i + 1) % 4], c = corners[(i + 2) % 4]
            let z = Point.cross(b - a, c - b)
            if z == 0 { return false }
            if sign == 0 { sign = z } else if (z > 0) != (sign > 0) { return false }
        }
        return true
    }

    /// Mean lengths of the two pairs of opposite sides (top/bottom, left/right).
    public var sideLengths: (horizontal: Double, vertical: Double) {
        ((corners[0].distance(to: corners[1]) + corners[3].distance(to: corners[2])) / 2,
         (corners[0].distance(to: corners[3]) + corners[1].distance(to: corners[2])) / 2)
    }

    /// Long over short mean side length.
    var aspectRatio: Double {
        let lengths = sideLengths
        return max(lengths.horizontal, lengths.vertical) / max(1, min(lengths.horizontal, lengths.vertical))
    }

    /// Corners reordered clockwise starting from the one nearest the image's top-left, so that the
    /// first side (TL->TR) is the upper one. The document's own upright direction is fixed later
    /// (e.g. by the portrait), see `rotated(by:)`.
    public func normalised() -> Quad {
        var points = corners
        if Polygon.signedArea(points) < 0 { points.reverse() }
        let start = (0..<4).min { points[$0].x + points[$0].y < points[$1].x + points[$1].y } ?? 0
        return Quad((0..<4).map { points[(start + $0) % 4] })
    }

    /// The same quad with its corner labels rotated by `steps` quarter turns (TL becomes the old TR for 1).
    public func rotated(by steps: Int) -> Quad {
        let s = ((steps % 4) + 4) % 4
        return Quad((0..<4).map { corners[($0 + s) % 4] })
    }

    public func scaled(by factor: Double) -> Quad { Quad(corners.map { $0 * factor }) }

    public var boundingBox: Rect {
        let xs = corners.map(\.x), ys = corners.map(\.y)
        return Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
    }

    /// The area two convex quads share (polygon clipping).
    public func sharedArea(with other: Quad) -> Double {
        Polygon.area(Polygon.clip(normalised().corners, to: other.normalised().corners))
    }

    /// Intersection over union of two convex quads.
    public func intersectionOverUnion(_ other: Quad) -> Double {
        let intersection = sharedArea(with: other)
        let union = area + other.area - intersection
        return union > 0 ? intersection / union : 0
    }
}

/// Polygon helpers used by quads and the locator.
public enum Polygon {
    public static func signedArea(_ points: [Point]) -> Double {
        guard points.count > 2 else { return 0 }
        var sum = 0.0
        for i in points.indices {
            let a = points[i], b = points[(i + 1) % points.count]
            sum += a.x * b.y - b.x * a.y
        }
        return sum / 2
    }

    public static func area(_ points: [Point]) -> Double { abs(signedArea(points)) }

    /// Sutherland-Hodgman clipping of `subject` by the convex, clockwise (image coordinates) `clip`.
    public static func clip(_ subject: [Point], to clip: [Point]) -> [Point] {
        var output = subject
        for i in clip.indices where !output.isEmpty {
            let a = clip[i], b = clip[(i + 1) % clip.count]
            let inside = { (p: Point) in Point.cross(b - a, p - a) >= 0 }
            let input = output
            output = []
            for j in input.indices {
                let current = input[j], previous = input[(j + input.count - 1) % input.count]
                let edge = (current, previous)
                func crossing() -> Point {
                    let d1 = edge.1 - edge.0, d2 = b - a
                    let denominator = Point.cross(d1, d2)
                    guard denominator != 0 else { return current }
                    let t = Point.cross(a - edge.0, d2) / denominator
                    return edge.0 + d1 * t
                }
                if inside(current) {
                    if !inside(previous) { output.append(crossing()) }
                    output.append(current)
                } else if inside(previous) {
                    output.append(crossing())
                }
            }
        }
        return output
    }
}
