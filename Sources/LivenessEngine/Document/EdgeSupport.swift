/// How well each side of a candidate quad is backed by a real, straight edge in the image.
///
/// Physical cue: a document's border is a straight step in brightness or colour — card against
/// desk, or the printed border of a copy against paper — with the same polarity all along the
/// side. Text, wood grain and fabric also have strong gradients, but scattered: they are not a
/// ridge of gradient perpendicular to one straight line that stands out from lines just beside it.
struct EdgeSupport {
    /// Samples along each side; the ends (8 % each), where rounded corners bend away, are skipped.
    var samples = 40
    /// Minimum perpendicular derivative (grey levels per pixel) for a sample to count as edge.
    /// 8 is above JPEG ringing and paper texture at the 640 px working size, below the step of a
    /// grey copy's border on white paper (15-40).
    static let minimumStep = 8.0
    /// The edge at the line (within 2 px) must reach this fraction of the strongest derivative
    /// 4-6 px to either side: a lone step, not one line of a texture of many.
    static let ridgeRatio = 0.8
    /// Samples within this many pixels of the frame border carry no evidence.
    var frameMargin = 3.0

    /// Evidence for one side: the fraction of its observed samples on a ridge of the dominant
    /// polarity, that polarity (+1: brighter on the side's right-hand normal), and the fraction of
    /// samples observed at all (inside the frame, off its border).
    struct Side {
        var support: Double
        var polarity: Int
        var observed: Double
        /// The support when the polarity may switch once along the side: a card with a dark band
        /// printed along one edge is darker than the desk on that stretch of its border and
        /// brighter elsewhere, so the two sides crossing the band change polarity where it begins.
        var switchedSupport: Double
    }

    /// With `atLeast` above 0, a side that can no longer reach that support is abandoned early and
    /// reported with none (a search over many lines rejects most of them after a few samples).
    func side(from a: Point, to b: Point, in field: GradientField, atLeast: Double = 0) -> Side {
        let d = b - a
        let length = d.length
        guard length > 1 else { return Side(support: 0, polarity: 0, observed: 0, switchedSupport: 0) }
        let normal = Point(x: -d.y / length, y: d.x / length)
        let width = Double(field.width), height = Double(field.height), m = frameMargin
        // The sign of each observed sample's ridge (0: no strong ridge), in order along the side.
        var signs: [Int] = []
        signs.reserveCapacity(samples)
        // Support is at most 1 - misses / observed <= 1 - misses / samples.
        let allowedMisses = (1 - atLeast) * Double(samples)
        var misses = 0, positive = 0, negative = 0
        for i in 0..<samples {
            let p = a + d * (0.08 + 0.84 * Double(i) / Double(samples - 1))
            guard p.x >= m, p.y >= m, p.x <= width - 1 - m, p.y <= height - 1 - m else { continue }
            let ridge = field.ridge(at: p, normal: normal)
            let sign = ridge.isStrong ? (ridge.value > 0 ? 1 : -1) : 0
            signs.append(sign)
            if sign > 0 { positive += 1 } else if sign < 0 { negative += 1 } else {
                misses += 1
                if atLeast > 0, Double(misses) > allowedMisses { return Side(support: 0, polarity: 0, observed: 0, switchedSupport: 0) }
            }
        }
        guard !signs.isEmpty else { return Side(support: 0, polarity: 0, observed: 0, switchedSupport: 0) }
        let observed = Double(signs.count)
        return Side(support: Double(max(positive, negative)) / observed, polarity: positive >= negative ? 1 : -1, observed: observed / Double(samples),
                    switchedSupport: Double(Self.mostAgreeingWithOneSwitch(signs, positive: positive, negative: negative)) / observed)
    }

    /// Most samples that agree with one polarity up to some point and with one polarity (the same
    /// or the other) after it; `positive` and `negative` count each polarity in `signs`.
    static func mostAgreeingWithOneSwitch(_ signs: [Int], positive: Int, negative: Int) -> Int {
        var best = max(positive, negative)
        var positiveBefore = 0, negativeBefore = 0
        for sign in signs {
            if sign > 0 { positiveBefore += 1 } else if sign < 0 { negativeBefore += 1 }
            best = max(best, positiveBefore + (negative - negativeBefore), negativeBefore + (positive - positiveBefore))
        }
        return best
    }
}

extension GradientField {
    /// The signed derivative across a line at `p` (strongest within 2 px of it) and whether it is
    /// a strong, lone step (see `EdgeSupport`).
    @inline(__always)
    func ridge(at p: Point, normal: Point) -> (value: Double, isStrong: Bool) {
        var centre = 0.0, flank = 0.0
        for offset in -6...6 {
            // Truncating x + 0.5 rounds every in-frame coordinate (negative ones fall outside anyway).
            let x = Int(p.x + normal.x * Double(offset) + 0.5), y = Int(p.y + normal.y * Double(offset) + 0.5)
            let value = derivative(x: x, y: y, nx: normal.x, ny: normal.y)
            if abs(offset) <= 2 {
                if abs(value) > abs(centre) { centre = value }
            } else if abs(offset) >= 4 {
                flank = max(flank, abs(value))
            }
        }
        return (centre, abs(centre) > EdgeSupport.minimumStep && abs(centre) > EdgeSupport.ridgeRatio * flank)
    }
}
