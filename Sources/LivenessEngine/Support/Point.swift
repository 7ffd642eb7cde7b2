/// A point in image pixels (x right, y down).
public struct Point: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) { self.x = x; self.y = y }

    public static func + (a: Point, b: Point) -> Point { Point(x: a.x + b.x, y: a.y + b.y) }
    public static func - (a: Point, b: Point) -> Point { Point(x: a.x - b.x, y: a.y - b.y) }
    public static func * (a: Point, s: Double) -> Point { Point(x: a.x * s, y: a.y * s) }

    public func distance(to other: Point) -> Double { ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot() }
    /// Length of the vector from the origin to this point.
    public var length: Double { (x * x + y * y).squareRoot() }
    public static func dot(_ a: Point, _ b: Point) -> Double { a.x * b.x + a.y * b.y }
    /// z of the cross product a x b.
    public static func cross(_ a: Point, _ b: Point) -> Double { a.x * b.y - a.y * b.x }
}

/// An axis-aligned rectangle in pixels.
public struct Rect: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    public var area: Double { max(0, width) * max(0, height) }
    public var center: Point { Point(x: x + width / 2, y: y + height / 2) }

    /// The corners clockwise (in image coordinates) from the top-left.
    public var corners: [Point] {
        [Point(x: x, y: y), Point(x: x + width, y: y), Point(x: x + width, y: y + height), Point(x: x, y: y + height)]
    }

    public func contains(_ point: Point) -> Bool {
        point.x >= x && point.y >= y && point.x <= x + width && point.y <= y + height
    }

    /// The rectangle grown by `amount` on every side (shrunk when negative).
    public func expanded(by amount: Double) -> Rect {
        Rect(x: x - amount, y: y - amount, width: width + 2 * amount, height: height + 2 * amount)
    }

    /// The overlap of two rectangles (zero-sized when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        return Rect(x: left, y: top, width: max(0, min(x + width, other.x + other.width) - left),
                    height: max(0, min(y + height, other.y + other.height) - top))
    }

    /// The smallest rectangle holding both.
    public func union(_ other: Rect) -> Rect {
        let left = min(x, other.x), top = min(y, other.y)
        return Rect(x: left, y: top, width: max(x + width, other.x + other.width) - left, height: max(y + height, other.y + other.height) - top)
    }

    public func intersectionOverUnion(_ other: Rect) -> Double {
        let intersection = self.intersection(other).area
        let union = area + other.area - intersection
        return union > 0 ? intersection / union : 0
    }
}
