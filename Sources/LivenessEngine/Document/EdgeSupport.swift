/// How well each side of a candidate quad is backed by a real, straight edge in the image.
///
/// Physical cue: a document's border is a straight step in brightness — card against desk, or the
/// printed border of a copy against paper — with the same polarity all along the side. Text,
/// wood grain and fabric also have strong gradients, but scattered: they are not a ridge of
/// gradient perpendicular to one straight line that stands out from lines just beside it.
struct EdgeSupport {
    /// Samples along each side (the ends, where rounded corners bend away, are skipped).
    var samples = 32
    /// Minimum perpendicular derivative (grey levels per pixel) for a sample to count as edge.
    /// 8 is above JPEG ringing and paper texture at the 800 px working size, below the step of a
    /// grey copy's border on white paper (15-40).
    var minimumStep = 8.0
    /// The edge must beat the strongest derivative 4-6 px to either side by this factor (a ridge).
    var ridgeRatio = 1.2
    /// Sides lying within this many pixels of the frame border carry no evidence.
    var frameMargin = 4.0

    /// Evidence for one side: the fraction of its observed samples on a consistent-polarity
    /// ridge, and the fraction of samples observed at all (inside the frame, off its border).
    struct Side {
        var support: Double
        var observed: Double
    }

    func side(from a: Point, to b: Point, in field: GradientField) -> Side {
        let d = b - a
        let length = (d.x * d.x + d.y * d.y).squareRoot()
        guard length > 1 else { return Side(support: 0, observed: 0) }
        let nx = -d.y / length, ny = d.x / length
        let width = Double(field.width), height = Double(field.height), m = frameMargin
        var centres: [Double] = [], flanks: [Double] = []
        centres.reserveCapacity(samples)
        flanks.reserveCapacity(samples)
        for i in 0..<samples {
            let t = 0.05 + 0.9 * Double(i) / Double(samples - 1)
            let p = a + d * t
            guard p.x >= m, p.y >= m, p.x <= width - 1 - m, p.y <= height - 1 - m else { continue }
            var best = 0.0, flank = 0.0
            for offset in -6...6 {
                let x = Int((p.x + nx * Double(offset)).rounded()), y = Int((p.y + ny * Double(offset)).rounded())
                let value = field.derivative(x: x, y: y, nx: nx, ny: ny)
                if abs(offset) <= 2 {
                    if abs(value) > abs(best) { best = value }
                } else if abs(offset) >= 4 {
                    flank = max(flank, abs(value))
                }
            }
            centres.append(best)
            flanks.append(flank)
        }
        guard !centres.isEmpty else { return Side(support: 0, observed: 0) }
        let polarity = median(centres) >= 0 ? 1.0 : -1.0
        var good = 0
        for i in centres.indices where centres[i] * polarity > minimumStep && abs(centres[i]) > ridgeRatio * flanks[i] {
            good += 1
        }
        return Side(support: Double(good) / Double(centres.count), observed: Double(centres.count) / Double(samples))
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
