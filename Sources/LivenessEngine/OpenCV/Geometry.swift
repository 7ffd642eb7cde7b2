import COpenCVShim

/// Contour and line extraction over binary/edge images, and point-set geometry.
public enum Geometry {
    /// Contours of a binary image as point lists (external ones only when `externalOnly`).
    public static func contours(of binary: Mat, externalOnly: Bool) throws -> [[Point]] {
        var points: UnsafeMutablePointer<Int32>?, lengths: UnsafeMutablePointer<Int32>?, count: Int32 = 0
        try shimCall { lv_find_contours(binary.handle, externalOnly ? 0 : 1, &points, &lengths, &count, $0) }
        let sizes = takeBuffer(lengths, count: Int(count))
        let flat = takeBuffer(points, count: sizes.reduce(0) { $0 + Int($1) } * 2)
        var result: [[Point]] = []
        result.reserveCapacity(sizes.count)
        var index = 0
        for size in sizes {
            var contour: [Point] = []
            contour.reserveCapacity(Int(size))
            for _ in 0..<Int(size) {
                contour.append(Point(x: Double(flat[index]), y: Double(flat[index + 1])))
                index += 2
            }
            result.append(contour)
        }
        return result
    }

    /// Convex hull (clockwise in image coordinates).
    public static func convexHull(_ points: [Point]) throws -> [Point] {
        guard points.count > 2 else { return points }
        let flat = points.flatMap { [Int32($0.x.rounded()), Int32($0.y.rounded())] }
        var hull: UnsafeMutablePointer<Int32>?, count: Int32 = 0
        try flat.withUnsafeBufferPointer { buffer in
            try shimCall { lv_convex_hull(buffer.baseAddress, Int32(points.count), &hull, &count, $0) }
        }
        return takeBuffer(hull, count: Int(count)).map { points[Int($0)] }
    }

    /// Douglas-Peucker simplification of a closed polygon.
    public static func simplify(_ polygon: [Point], epsilon: Double) throws -> [Point] {
        guard polygon.count > 2 else { return polygon }
        let flat = polygon.flatMap { [Float($0.x), Float($0.y)] }
        var out: UnsafeMutablePointer<Float>?, count: Int32 = 0
        try flat.withUnsafeBufferPointer { buffer in
            try shimCall { lv_approx_poly(buffer.baseAddress, Int32(polygon.count), epsilon, &out, &count, $0) }
        }
        let values = takeBuffer(out, count: Int(count) * 2)
        return stride(from: 0, to: values.count, by: 2).map { Point(x: Double(values[$0]), y: Double(values[$0 + 1])) }
    }

    /// Corners of the minimum-area rotated rectangle around the points.
    public static func minAreaRectangle(_ points: [Point]) throws -> [Point] {
        let flat = points.flatMap { [Float($0.x), Float($0.y)] }
        var corners = [Float](repeating: 0, count: 8)
        try flat.withUnsafeBufferPointer { buffer in
            try corners.withUnsafeMutableBufferPointer { c in
                try shimCall { lv_min_area_rect(buffer.baseAddress, Int32(points.count), c.baseAddress, $0) }
            }
        }
        return stride(from: 0, to: 8, by: 2).map { Point(x: Double(corners[$0]), y: Double(corners[$0 + 1])) }
    }

    /// Probabilistic Hough line segments on an edge image.
    public static func lineSegments(in edges: Mat, threshold: Int, minLength: Double, maxGap: Double) throws -> [(Point, Point)] {
        var lines: UnsafeMutablePointer<Int32>?, count: Int32 = 0
        try shimCall { lv_hough_lines(edges.handle, 1, Double.pi / 180, Int32(threshold), minLength, maxGap, &lines, &count, $0) }
        let flat = takeBuffer(lines, count: Int(count) * 4)
        var segments: [(Point, Point)] = []
        for i in stride(from: 0, to: flat.count, by: 4) {
            let a = Point(x: Double(flat[i]), y: Double(flat[i + 1]))
            let b = Point(x: Double(flat[i + 2]), y: Double(flat[i + 3]))
            segments.append((a, b))
        }
        return segments
    }

    /// Homography (row-major 3x3) mapping four points onto four points.
    public static func homography(from: [Point], to: [Point]) throws -> [Double] {
        precondition(from.count == 4 && to.count == 4)
        let a = from.flatMap { [Float($0.x), Float($0.y)] }, b = to.flatMap { [Float($0.x), Float($0.y)] }
        var h = [Double](repeating: 0, count: 9)
        try a.withUnsafeBufferPointer { pa in
            try b.withUnsafeBufferPointer { pb in
                try h.withUnsafeMutableBufferPointer { ph in
                    try shimCall { lv_homography(pa.baseAddress, pb.baseAddress, ph.baseAddress, $0) }
                }
            }
        }
        return h
    }
}

extension Geometry {
    /// Applies a row-major 3x3 homography to a point.
    public static func apply(_ h: [Double], to p: Point) -> Point {
        let w = h[6] * p.x + h[7] * p.y + h[8]
        return Point(x: (h[0] * p.x + h[1] * p.y + h[2]) / w, y: (h[3] * p.x + h[4] * p.y + h[5]) / w)
    }
}
