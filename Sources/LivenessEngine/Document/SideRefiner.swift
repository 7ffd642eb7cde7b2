import Foundation

/// Snaps each side of a rough quad onto the edge it stands for.
///
/// Physical cue: the true border is the strongest step of one polarity within a few pixels of a
/// candidate side all along it. Along each side, the best step within ±10 px is found at 40
/// points; a straight line is fitted to them by least squares, trimming outliers (a finger, a
/// text line touching the border); adjacent fitted lines cross at the refined corners.
struct SideRefiner {
    var samples = 40
    var searchRadius = 10
    /// Fewer well-edged samples than this leave the side where it was.
    var minimumSamples = 6

    func refine(_ quad: Quad, in field: GradientField) -> Quad {
        // Centre-weighting of the search window (Gaussian, falling to 1/e at its ends).
        let radius = Double(searchRadius)
        let weights = (-searchRadius...searchRadius).map { exp(-(Double($0) / radius) * (Double($0) / radius)) }
        let lines = (0..<4).map { refinedSide(from: quad.corners[$0], to: quad.corners[($0 + 1) % 4], weights: weights, in: field) }
        var corners: [Point] = []
        for s in 0..<4 {
            let (a1, t1) = lines[(s + 3) % 4], (a2, t2) = lines[s]
            let det = Point.cross(t1, t2)
            guard abs(det) > 1e-6 else { return quad }
            let u = Point.cross(a2 - a1, t2) / det
            corners.append(a1 + t1 * u)
        }
        return Quad(corners)
    }

    /// The side from `a` to `b` moved onto its edge, as a point and a unit direction.
    private func refinedSide(from a: Point, to b: Point, weights: [Double], in field: GradientField) -> (Point, Point) {
        let d = b - a
        let tangent = d * (1 / max(1e-9, d.length)), normal = Point(x: -tangent.y, y: tangent.x)
        // Profiles across the side (one row of 2r+1 values per sample); the polarity is the sign
        // with more centre-weighted response.
        let span = 2 * searchRadius + 1
        var profiles = [Double](repeating: 0, count: samples * span)
        var positive = 0.0, negative = 0.0
        for i in 0..<samples {
            let p = a + d * (0.1 + 0.8 * Double(i) / Double(samples - 1))
            for j in 0..<span {
                let offset = Double(j - searchRadius)
                let x = Int(p.x + normal.x * offset + 0.5), y = Int(p.y + normal.y * offset + 0.5)
                let value = field.derivative(x: x, y: y, nx: normal.x, ny: normal.y) * weights[j]
                profiles[i * span + j] = value
                if value > 0 { positive += value } else { negative -= value }
            }
        }
        let polarity = positive >= negative ? 1.0 : -1.0
        var positions: [Double] = [], offsets: [Double] = []
        for i in 0..<samples {
            var best = 0, bestValue = -Double.infinity
            for j in 0..<span where profiles[i * span + j] * polarity > bestValue { best = j; bestValue = profiles[i * span + j] * polarity }
            if bestValue > EdgeSupport.minimumStep {
                positions.append(0.1 + 0.8 * Double(i) / Double(samples - 1))
                offsets.append(Double(best - searchRadius))
            }
        }
        guard positions.count >= minimumSamples, let (slope, intercept) = trimmedLineFit(positions, offsets) else {
            return (a, tangent)
        }
        let start = a + normal * intercept, end = b + normal * (slope + intercept)
        let direction = end - start
        return (start, direction * (1 / max(1e-9, direction.length)))
    }

    /// Least-squares line y = slope * x + intercept, refitted three times without points farther
    /// than max(1.5, 2.5 x median residual).
    private func trimmedLineFit(_ xs: [Double], _ ys: [Double]) -> (Double, Double)? {
        var kept = Array(xs.indices)
        var fit: (Double, Double)?
        for _ in 0..<3 {
            guard kept.count >= minimumSamples, let line = leastSquares(kept.map { xs[$0] }, kept.map { ys[$0] }) else { break }
            fit = line
            let residuals = xs.indices.map { abs(ys[$0] - (line.0 * xs[$0] + line.1)) }
            let keptResiduals = kept.map { residuals[$0] }.sorted()
            let limit = max(1.5, 2.5 * keptResiduals[keptResiduals.count / 2])
            kept = xs.indices.filter { residuals[$0] < limit }
        }
        return fit
    }

    private func leastSquares(_ xs: [Double], _ ys: [Double]) -> (Double, Double)? {
        let n = Double(xs.count)
        let mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0
        for i in xs.indices {
            sxx += (xs[i] - mx) * (xs[i] - mx)
            sxy += (xs[i] - mx) * (ys[i] - my)
        }
        guard sxx > 1e-12 else { return nil }
        let slope = sxy / sxx
        return (slope, my - slope * mx)
    }
}
