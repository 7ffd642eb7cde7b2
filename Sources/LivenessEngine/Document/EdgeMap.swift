/// A binary edge map that can be probed point by point.
struct EdgeMap {
    let width: Int
    let height: Int
    private let pixels: [UInt8]

    init(_ edges: Mat) {
        width = edges.cols
        height = edges.rows
        pixels = edges.packedBytes()
    }

    func isEdge(_ p: Point) -> Bool {
        let x = min(width - 1, max(0, Int(p.x.rounded()))), y = min(height - 1, max(0, Int(p.y.rounded())))
        return pixels[y * width + x] != 0
    }

    /// How many of the quad's sides have a blank band just inside them (4-14 % of the way to the
    /// centre, fewer than 8 % of probes on an edge).
    ///
    /// Physical cue: a sheet of paper has a blank margin inside its border; a document is printed
    /// up to its edge (security background, text, photo) or has a border line just inside it.
    func blankInnerBands(of quad: Quad) -> Int {
        let centre = quad.center
        var blank = 0
        for side in 0..<4 {
            let a = quad.corners[side], b = quad.corners[(side + 1) % 4]
            var hits = 0, probes = 0
            for i in 0..<24 {
                let p = a + (b - a) * (0.15 + 0.7 * Double(i) / 23)
                for j in 0..<6 {
                    let depth = 0.04 + 0.1 * Double(j) / 5
                    if isEdge(p + (centre - p) * depth) { hits += 1 }
                    probes += 1
                }
            }
            if Double(hits) / Double(probes) < 0.08 { blank += 1 }
        }
        return blank
    }
}
