import Foundation

/// Candidate document quadrilaterals from pairs of pairs of straight lines.
///
/// Physical cue: a document's four borders are straight lines even where texture, glare, a finger
/// or a low-contrast copy on paper breaks the closed contour. Hough segments are merged into
/// infinite lines; every two roughly parallel lines far enough apart, crossed by two others, make
/// a quad. Each line's edge evidence is profiled once, so the support of any stretch of it is read
/// in constant time and thousands of quads can be ranked before the best few are refined.
struct LineQuads {
    /// Lines profiled after merging (most total segment length first), then kept by edge
    /// evidence, in all and per 12-degree direction bin.
    var maximumProfiledLines = 150
    var maximumLines = 64
    var maximumLinesPerDirection = 8
    /// Segments within 3 degrees and 4 px of a line belong to it.
    var mergeAngle = 3 * Double.pi / 180
    var mergeDistance = 4.0
    /// Opposite sides: within 20 degrees of parallel, at least 8 % of the long side apart.
    var parallelTolerance = 20 * Double.pi / 180
    var minimumSeparation = 0.08
    /// Quads handed on for refinement.
    var keep = 40

    /// A merged line: points p with n . p = rho, n = (-sin theta, cos theta).
    struct Line {
        var theta: Double
        var rho: Double
        var direction: Point { Point(x: cos(theta), y: sin(theta)) }
        var normal: Point { Point(x: -sin(theta), y: cos(theta)) }
    }

    /// Quads from the Hough segments of edge maps (faint and firm: a grey copy's border on paper
    /// is often only in the faint one, a card on busy texture only stands out in the firm one).
    func generate(edgeMaps: [Mat], field: GradientField) throws -> [Quad] {
        let width = Double(field.width), height = Double(field.height), longSide = max(width, height)
        var segments: [(Point, Point)] = []
        for edges in edgeMaps {
            segments += try Geometry.lineSegments(in: edges, threshold: 30, minLength: 0.05 * longSide, maxGap: 6)
        }
        let merged = merge(segments).prefix(maximumProfiledLines)
        let profiled = merged.map { ($0, LineProfile(line: $0, field: field)) }
        let selected = strongest(profiled)
        guard selected.count >= 4 else { return [] }
        return pairQuads(lines: selected.map(\.0), profiles: selected.map(\.1), width: width, height: height)
    }

    /// The lines with the most edge evidence, at most `maximumLinesPerDirection` per direction bin
    /// so that the many parallel lines of a text block cannot crowd out a document's other sides.
    private func strongest(_ profiled: [(Line, LineProfile)]) -> [(Line, LineProfile)] {
        let bins = 15
        var perBin = [Int](repeating: 0, count: bins)
        var kept: [(Line, LineProfile)] = []
        let ranked = profiled.map { ($0, $0.1.evidence) }.sorted { $0.1 > $1.1 }.map(\.0)
        for entry in ranked {
            let bin = min(bins - 1, Int(entry.0.theta / .pi * Double(bins)))
            guard perBin[bin] < maximumLinesPerDirection else { continue }
            perBin[bin] += 1
            kept.append(entry)
            if kept.count >= maximumLines { break }
        }
        return kept
    }

    /// Merges segments, longest first, into lines, most total segment length first.
    func merge(_ segments: [(Point, Point)]) -> [Line] {
        struct Cluster { var line: Line; var length: Double }
        let sorted = segments.map { ($0, $0.0.distance(to: $0.1)) }.sorted { $0.1 > $1.1 }
        var clusters: [Cluster] = []
        for ((a, b), length) in sorted {
            var theta = atan2(b.y - a.y, b.x - a.x)
            if theta < 0 { theta += .pi }
            if theta >= .pi { theta -= .pi }
            let mid = (a + b) * 0.5
            if let i = clusters.firstIndex(where: { c in
                angleBetween(theta, c.line.theta) <= mergeAngle
                    && abs(-mid.x * sin(c.line.theta) + mid.y * cos(c.line.theta) - c.line.rho) < mergeDistance
            }) {
                clusters[i].length += length
            } else {
                clusters.append(Cluster(line: Line(theta: theta, rho: -mid.x * sin(theta) + mid.y * cos(theta)), length: length))
            }
        }
        return clusters.sorted { $0.length > $1.length }.map(\.line)
    }

    private func pairQuads(lines: [Line], profiles: [LineProfile], width: Double, height: Double) -> [Quad] {
        let n = lines.count, longSide = max(width, height), frameArea = width * height
        // Only whole quads: a corner off the frame makes a cropped candidate, the contours' job.
        func inFrame(_ p: Point) -> Bool { QuadScorer.isInFrame(p, width: Int(width), height: Int(height)) }
        let centre = Point(x: width / 2, y: height / 2)
        // Crossing of lines i and k, and its position along line i.
        var crossing = [Point?](repeating: nil, count: n * n)
        var along = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for k in 0..<n where k != i {
                let ni = lines[i].normal, nk = lines[k].normal
                let det = ni.x * nk.y - ni.y * nk.x
                guard abs(det) > 1e-9 else { continue }
                let p = Point(x: (lines[i].rho * nk.y - ni.y * lines[k].rho) / det, y: (ni.x * lines[k].rho - lines[i].rho * nk.x) / det)
                crossing[i * n + k] = p
                along[i * n + k] = Point.dot(p, lines[i].direction)
            }
        }
        var pairs: [(Int, Int)] = []
        for i in 0..<n {
            for j in (i + 1)..<n where angleBetween(lines[i].theta, lines[j].theta) < parallelTolerance {
                let ni = lines[i].normal, nj = lines[j].normal
                let di = Point.dot(ni, centre) - lines[i].rho, dj = Point.dot(nj, centre) - lines[j].rho
                let sameSense = Point.dot(ni, nj) >= 0
                if abs(di - (sameSense ? dj : -dj)) > minimumSeparation * longSide { pairs.append((i, j)) }
            }
        }
        func support(on line: Int, between a: Int, and b: Int) -> Double {
            let sa = along[line * n + a], sb = along[line * n + b]
            let length = abs(sb - sa)
            let lo = min(sa, sb) + 0.08 * length, hi = max(sa, sb) - 0.08 * length
            return profiles[line].support(from: lo, to: hi)
        }
        // The best `keep` quads, ascending by score (a bounded insertion list: tens of thousands of
        // combinations are scored, few survive).
        var best: [(score: Double, corners: [Point])] = []
        for p in pairs.indices {
            let (i, j) = pairs[p]
            for q in (p + 1)..<pairs.count {
                let (k, l) = pairs[q]
                guard i != k, i != l, j != k, j != l,
                      angleBetween(lines[i].theta, lines[k].theta) > 55 * .pi / 180,
                      angleBetween(lines[j].theta, lines[l].theta) > 45 * .pi / 180,
                      angleBetween(lines[i].theta, lines[l].theta) > 45 * .pi / 180,
                      angleBetween(lines[j].theta, lines[k].theta) > 45 * .pi / 180,
                      let c0 = crossing[i * n + k], let c1 = crossing[k * n + j],
                      let c2 = crossing[j * n + l], let c3 = crossing[l * n + i],
                      inFrame(c0), inFrame(c1), inFrame(c2), inFrame(c3)
                else { continue }
                let area = abs(Point.cross(c0, c1) + Point.cross(c1, c2) + Point.cross(c2, c3) + Point.cross(c3, c0)) / 2
                let areaFraction = area / frameArea
                guard areaFraction > 0.01, areaFraction < 0.85 else { continue }
                let aspect = Quad([c0, c1, c2, c3]).rectangleAspect(inImageOf: width, height: height)
                guard aspect < 2.6 else { continue }
                let s0 = support(on: i, between: k, and: l), s1 = support(on: k, between: i, and: j)
                let s2 = support(on: j, between: k, and: l), s3 = support(on: l, between: i, and: j)
                let score = QuadScorer.evidenceScore(weakest: min(s0, s1, s2, s3), mean: (s0 + s1 + s2 + s3) / 4,
                                                     aspectMismatch: DocumentFormat.aspectMismatch(aspect), areaFraction: areaFraction)
                guard best.count < keep || score > best[0].score else { continue }
                let position = best.firstIndex { $0.score >= score } ?? best.count
                best.insert((score, [c0, c1, c2, c3]), at: position)
                if best.count > keep { best.removeFirst() }
            }
        }
        return best.reversed().map { Quad($0.corners).normalised() }
    }

}

/// Angle between two undirected line directions in [0, pi), in [0, pi/2].
func angleBetween(_ a: Double, _ b: Double) -> Double {
    let d = abs(a - b)
    return min(d, .pi - d)
}

/// Cumulative counts of ridge samples of each polarity, one per pixel along a line inside the
/// frame: the support of any stretch is a difference of two entries.
struct LineProfile {
    private let start: Double
    private let positive: [Int32]
    private let negative: [Int32]

    init(line: LineQuads.Line, field: GradientField) {
        let width = Double(field.width - 1), height = Double(field.height - 1)
        let direction = line.direction, normal = line.normal
        let origin = normal * line.rho
        // Clip the line's parameter range to the frame.
        var lo = -Double.infinity, hi = Double.infinity
        for (o, d, limit) in [(origin.x, direction.x, width), (origin.y, direction.y, height)] {
            if abs(d) < 1e-12 {
                if o < 0 || o > limit { lo = 1; hi = 0 }
            } else {
                let a = (0 - o) / d, b = (limit - o) / d
                lo = max(lo, min(a, b))
                hi = min(hi, max(a, b))
            }
        }
        guard hi > lo else {
            start = 0; positive = [0]; negative = [0]
            return
        }
        start = lo.rounded(.up)
        let count = Int(hi.rounded(.down) - start) + 1
        var positive = [Int32](repeating: 0, count: count + 1), negative = [Int32](repeating: 0, count: count + 1)
        for s in 0..<count {
            let ridge = field.ridge(at: origin + direction * (start + Double(s)), normal: normal)
            positive[s + 1] = positive[s] + (ridge.isStrong && ridge.value > 0 ? 1 : 0)
            negative[s + 1] = negative[s] + (ridge.isStrong && ridge.value < 0 ? 1 : 0)
        }
        self.positive = positive
        self.negative = negative
    }

    /// The length of the best stretch of the line where ridge pixels of one polarity outnumber
    /// the rest (maximum-sum run scoring +1 per ridge pixel, -1 per other pixel): a document's
    /// border is one long clean ridge; a line through text or texture has only short ones.
    var evidence: Int {
        var best: Int32 = 0
        for counts in [positive, negative] {
            var run: Int32 = 0
            for i in 1..<counts.count {
                run = max(0, run + (counts[i] > counts[i - 1] ? 1 : -1))
                best = max(best, run)
            }
        }
        return Int(best)
    }

    /// Fraction of pixels between line parameters `lo` and `hi` on a ridge of one polarity.
    func support(from lo: Double, to hi: Double) -> Double {
        let last = positive.count - 1
        let a = min(last, max(0, Int((lo - start).rounded()))), b = min(last, max(0, Int((hi - start).rounded())))
        let count = max(positive[b] - positive[a], negative[b] - negative[a])
        return Double(max(0, count)) / max(1, hi - lo)
    }
}
