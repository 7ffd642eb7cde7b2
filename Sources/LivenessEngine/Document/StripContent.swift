/// What lies in the strip an outer border adds to a candidate quad, beside what lies inside the
/// quad: median luma and the share of points on an edge.
///
/// Physical cue: the blank margin of the paper a copy is printed on is the brightest, emptiest
/// thing around the copy; a strip that belongs to the card is printed — a band of ink darker than
/// the card stock, or the card's own portrait and text, as busy with edges as the rest of it.
struct StripContent {
    var stripLuma: Int
    var innerLuma: Int
    var stripEdges: Double
    var innerEdges: Double

    /// The strip is printed: darker than the card by `darkness` (ink), or at least
    /// `busyness` as edged as the card.
    func isPrinted(darkness: Double, busyness: Double) -> Bool {
        Double(stripLuma) < darkness * Double(innerLuma) || stripEdges >= busyness * innerEdges
    }

    /// Measures the part of `outer` outside `inner` and `inner` itself on a 32 x 32 grid of points
    /// spread over `outer`; nil when either part gets fewer than 16 points.
    init?(strip outer: Quad, inside inner: Quad, image: Mat, edges: EdgeMap) {
        var strip = [Int](repeating: 0, count: 256), body = [Int](repeating: 0, count: 256)
        var stripCount = 0, bodyCount = 0, stripEdgeCount = 0, bodyEdgeCount = 0
        let c = outer.corners, n = 32
        image.withBytes { bytes, stride in
            func value(at p: Point) -> Int {
                let x = min(image.cols - 1, max(0, Int(p.x.rounded()))), y = min(image.rows - 1, max(0, Int(p.y.rounded())))
                let i = y * stride + x * image.channels
                return image.channels == 3 ? luma(b: bytes[i], g: bytes[i + 1], r: bytes[i + 2]) : Int(bytes[i])
            }
            for i in 0..<n {
                let u = (Double(i) + 0.5) / Double(n)
                let top = c[0] + (c[1] - c[0]) * u, bottom = c[3] + (c[2] - c[3]) * u
                for j in 0..<n {
                    let p = top + (bottom - top) * ((Double(j) + 0.5) / Double(n))
                    let edge = edges.isEdge(p) ? 1 : 0
                    if inner.containsConvex(p) {
                        body[value(at: p)] += 1
                        bodyCount += 1
                        bodyEdgeCount += edge
                    } else {
                        strip[value(at: p)] += 1
                        stripCount += 1
                        stripEdgeCount += edge
                    }
                }
            }
        }
        guard stripCount >= 16, bodyCount >= 16 else { return nil }
        stripLuma = medianOfHistogram(strip)
        innerLuma = medianOfHistogram(body)
        stripEdges = Double(stripEdgeCount) / Double(stripCount)
        innerEdges = Double(bodyEdgeCount) / Double(bodyCount)
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
