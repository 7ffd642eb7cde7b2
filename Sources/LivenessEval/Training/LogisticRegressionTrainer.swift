import Foundation
import LivenessEngine

/// Fits a `LogisticHead` by Newton's method (iteratively reweighted least squares) on
/// standardised features with an L2 penalty, the two classes weighted equally whatever their
/// counts. Deterministic: the same rows give the same head.
public enum LogisticRegressionTrainer {
    /// - Parameters:
    ///   - rows: feature vectors in `features`' order.
    ///   - bonaFide: the label of each row (true = bona fide, the positive class of the score).
    ///   - l2: penalty on the standardised weights (not on the bias).
    ///   - offsets: a fixed term added to each row's log-odds (another model's score that the
    ///     fitted weights correct rather than replace); nil = none.
    public static func fit(species: String? = nil, features: [String], rows: [[Double]], bonaFide: [Bool], l2: Double = 1.0,
                           offsets: [Double]? = nil) throws -> LogisticHead {
        let positives = bonaFide.filter { $0 }.count, negatives = bonaFide.count - positives
        guard positives >= 2, negatives >= 2 else { throw ModelError("training needs at least 2 bona fide and 2 attack rows (\(positives), \(negatives))") }
        let d = features.count
        var mean = [Double](repeating: 0, count: d), scale = [Double](repeating: 0, count: d)
        for j in 0..<d {
            let column = rows.map { $0[j] }
            mean[j] = column.reduce(0, +) / Double(column.count)
            let variance = column.reduce(0) { $0 + ($1 - mean[j]) * ($1 - mean[j]) } / Double(column.count)
            scale[j] = max(variance.squareRoot(), 1e-9)
        }
        let x = rows.map { row in [1.0] + (0..<d).map { (row[$0] - mean[$0]) / scale[$0] } }
        let y = bonaFide.map { $0 ? 1.0 : 0.0 }
        let sampleWeight = bonaFide.map { $0 ? 0.5 / Double(positives) : 0.5 / Double(negatives) }
        let n = d + 1
        var beta = [Double](repeating: 0, count: n)
        for _ in 0..<50 {
            var gradient = [Double](repeating: 0, count: n)
            var hessian = [Double](repeating: 0, count: n * n)
            for i in x.indices {
                let z = zip(beta, x[i]).reduce(offsets?[i] ?? 0) { $0 + $1.0 * $1.1 }
                let p = 1 / (1 + exp(-z))
                let w = sampleWeight[i]
                for a in 0..<n {
                    gradient[a] += w * (y[i] - p) * x[i][a]
                    for b in 0..<n { hessian[a * n + b] += w * p * (1 - p) * x[i][a] * x[i][b] }
                }
            }
            // The penalty, scaled like the weighted likelihood (whose weights sum to 1).
            let penalty = l2 / Double(x.count)
            for a in 1..<n {
                gradient[a] -= penalty * beta[a]
                hessian[a * n + a] += penalty
            }
            hessian[0] += 1e-9
            let step = try solve(hessian, gradient, size: n)
            for a in 0..<n { beta[a] += step[a] }
            if step.map(abs).max()! < 1e-8 { break }
        }
        return LogisticHead(species: species, features: features, mean: mean, scale: scale, weights: Array(beta[1...]), bias: beta[0])
    }

    /// Gaussian elimination with partial pivoting.
    private static func solve(_ matrix: [Double], _ rhs: [Double], size n: Int) throws -> [Double] {
        var a = matrix, b = rhs
        for column in 0..<n {
            let pivot = (column..<n).max { abs(a[$0 * n + column]) < abs(a[$1 * n + column]) }!
            guard abs(a[pivot * n + column]) > 1e-15 else { throw ModelError("singular system while fitting (constant or duplicated features?)") }
            if pivot != column {
                for k in 0..<n { a.swapAt(pivot * n + k, column * n + k) }
                b.swapAt(pivot, column)
            }
            for row in (column + 1)..<n {
                let factor = a[row * n + column] / a[column * n + column]
                if factor == 0 { continue }
                for k in column..<n { a[row * n + k] -= factor * a[column * n + k] }
                b[row] -= factor * b[column]
            }
        }
        var solution = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<n { sum -= a[row * n + k] * solution[k] }
            solution[row] = sum / a[row * n + row]
        }
        return solution
    }
}
