extension Mat {
    /// Median luma of the part of `outer` outside `inner` (the strip an outer border adds to a
    /// candidate) and of `inner` itself, from a 32 x 32 grid of points spread over `outer`; nil
    /// when either part gets fewer than 16 points.
    ///
    /// Physical cue: a band printed along a card's edge is ink — darker than the card stock
    /// inside it — while the blank margin of the paper a copy is printed on is the brightest,
    /// emptiest thing around the copy.
    func lumaMedians(strip outer: Quad, inside inner: Quad) -> (strip: Int, inner: Int)? {
        var strip = [Int](repeating: 0, count: 256), body = [Int](repeating: 0, count: 256)
        var stripCount = 0, bodyCount = 0
        let c = outer.corners, n = 32
        withBytes { bytes, stride in
            func value(at p: Point) -> Int {
                let x = Swift.min(cols - 1, Swift.max(0, Int(p.x.rounded()))), y = Swift.min(rows - 1, Swift.max(0, Int(p.y.rounded())))
                let i = y * stride + x * channels
                return channels == 3 ? luma(b: bytes[i], g: bytes[i + 1], r: bytes[i + 2]) : Int(bytes[i])
            }
            for i in 0..<n {
                let u = (Double(i) + 0.5) / Double(n)
                let top = c[0] + (c[1] - c[0]) * u, bottom = c[3] + (c[2] - c[3]) * u
                for j in 0..<n {
                    let p = top + (bottom - top) * ((Double(j) + 0.5) / Double(n))
                    if inner.containsConvex(p) {
                        body[value(at: p)] += 1
                        bodyCount += 1
                    } else {
                        strip[value(at: p)] += 1
                        stripCount += 1
                    }
                }
            }
        }
        guard stripCount >= 16, bodyCount >= 16 else { return nil }
        return (medianOfHistogram(strip), medianOfHistogram(body))
    }
}

extension Quad {
    /// Whether a point lies inside this convex quad (on the same side of every edge).
    func containsConvex(_ p: Point) -> Bool {
        var sign = 0.0
        for i in 0..<4 {
            let a = corners[i], b = corners[(i + 1) % 4]
            let cross = Point.cross(b - a, p - a)
            if cross != 0 {
                if sign != 0, (cross > 0) != (sign > 0) { return false }
                sign = cross
            }
        }
        return true
    }
}
