import Foundation

/// Generates candidate document quadrilaterals from two independent sources of evidence, so that
/// a border broken by texture in one is often whole in the other:
/// closed edge contours (a card against a plain background) and pairs of long straight segments
/// (a border crossed by text, shadows or a finger).
struct QuadCandidates {
    /// Smallest candidate, as a fraction of the working image's area.
    var minimumAreaFraction = 0.01
    /// Canny hysteresis pairs, low to high contrast (grey levels).
    var cannyThresholds: [(Double, Double)] = [(10, 30), (20, 60), (40, 120)]
    /// Longest Hough segments kept for pairing (bounds the combinatorics).
    var maximumSegments = 30

    func generate(blurred: Mat) throws -> [Quad] {
        var quads = try contourQuads(blurred)
        quads += try segmentQuads(blurred)
        return quads
    }

    private func contourQuads(_ blurred: Mat) throws -> [Quad] {
        let minimumArea = minimumAreaFraction * Double(blurred.cols * blurred.rows)
        var quads: [Quad] = []
        for (low, high) in cannyThresholds {
            let edges = try blurred.canny(low: low, high: high).morphology(.dilate, kernelWidth: 3, kernelHeight: 3)
            for contour in try Geometry.contours(of: edges, externalOnly: false) where contour.count >= 4 {
                let hull = try Geometry.convexHull(contour)
                guard Polygon.area(hull) >= minimumArea else { continue }
                quads.append(try quadrilateral(fitting: hull))
            }
        }
        return quads
    }

    /// Simplifies a hull to four corners, or falls back to its minimum-area rectangle.
    private func quadrilateral(fitting hull: [Point]) throws -> Quad {
        let perimeter = (0..<hull.count).reduce(0.0) { $0 + hull[$1].distance(to: hull[($1 + 1) % hull.count]) }
        for epsilon in [0.02, 0.04, 0.06] {
            let simplified = try Geometry.simplify(hull, epsilon: epsilon * perimeter)
            if simplified.count == 4 { return Quad(simplified).normalised() }
        }
        return Quad(try Geometry.minAreaRectangle(hull)).normalised()
    }

    private func segmentQuads(_ blurred: Mat) throws -> [Quad] {
        let width = Double(blurred.cols), height = Double(blurred.rows)
        let longSide = max(width, height)
        let edges = try blurred.canny(low: 20, high: 60)
        var segments = try Geometry.lineSegments(in: edges, threshold: 40, minLength: 0.06 * longSide, maxGap: 8)
            .map(Segment.init)
        segments.sort { $0.length > $1.length }
        segments = Array(segments.prefix(maximumSegments))

        // Pairs of nearly parallel segments far enough apart to be opposite sides.
        var pairs: [(Int, Int)] = []
        for i in segments.indices {
            for j in (i + 1)..<segments.count where segments[i].angleDifference(segments[j]) < 0.35 {
                if segments[i].distance(toLineThrough: segments[j].midpoint) >= 0.08 * longSide { pairs.append((i, j)) }
            }
        }
        var quads: [Quad] = []
        for a in pairs.indices {
            for b in (a + 1)..<pairs.count {
                let (i, j) = pairs[a], (k, l) = pairs[b]
                guard Set([i, j, k, l]).count == 4, segments[i].angleDifference(segments[k]) > 0.8 else { continue }
                let lines = [segments[i], segments[k], segments[j], segments[l]]
                var corners: [Point] = []
                for n in 0..<4 {
                    guard let p = lines[n].intersection(with: lines[(n + 1) % 4]) else { break }
                    guard p.x > -0.3 * width, p.y > -0.3 * height, p.x < 1.3 * width, p.y < 1.3 * height else { break }
                    corners.append(p)
                }
                guard corners.count == 4 else { continue }
                let quad = Quad(corners).normalised()
                if quad.isConvex, quad.area >= minimumAreaFraction * width * height { quads.append(quad) }
            }
        }
        return quads
    }
}

/// A straight segment from the Hough transform, used as an infinite line.
struct Segment {
    let a: Point
    let b: Point

    init(_ ends: (Point, Point)) { a = ends.0; b = ends.1 }

    var length: Double { a.distance(to: b) }
    var midpoint: Point { (a + b) * 0.5 }
    /// Direction in [0, pi).
    var angle: Double {
        let value = atan2(b.y - a.y, b.x - a.x)
        return value < 0 ? value + .pi : (value >= .pi ? value - .pi : value)
    }

    func angleDifference(_ other: Segment) -> Double {
        let d = abs(angle - other.angle)
        return min(d, .pi - d)
    }

    func distance(toLineThrough p: Point) -> Double {
        let d = b - a
        return abs(Point.cross(d, p - a)) / max(length, 1e-9)
    }

    func intersection(with other: Segment) -> Point? {
        let d1 = b - a, d2 = other.b - other.a
        let denominator = Point.cross(d1, d2)
        guard abs(denominator) > 1e-9 else { return nil }
        let t = Point.cross(other.a - a, d2) / denominator
        return a + d1 * t
    }
}
