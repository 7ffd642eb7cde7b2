import Foundation

extension PixelMeasurements {
    /// Colour is read at 1/8 scale (107 x 67 for an ID-1 card), blurred by this sigma (~10 px at
    /// 10 px/mm): JPEG's 4:2:0 chroma is half resolution anyway, and the blur cancels the red/blue
    /// fringes that lens aberration and demosaicing leave along every dark-on-light edge of a grey copy.
    static let chromaScale = 8
    static let chromaBlurSigma = 1.25
    /// The outer 4 % on each side is ignored: a locator quad a little too large brings in background.
    static let chromaMargin = 0.04
    /// Pixels whose channel mean is below this carry too little light for a chromaticity (8-bit
    /// noise and JPEG chroma quantisation dominate), and pixels with a clipped channel (>= 250) have
    /// lost the ratio between channels.
    static let chromaMinimumMean = 30.0
    static let chromaClipLevel = 250.0
    /// The tint fit is trimmed three times: pixels farther from it than 3 x the median residual, but
    /// never closer than 0.02 (what a lamp's tint can plausibly drift by), are left out of the next fit.
    static let chromaTrimMultiple = 3.0
    static let chromaTrimFloor = 0.02
    /// The residual reported is this percentile: colour covering more than 4 % of the document counts,
    /// a fingertip or a coloured reflection at one edge does not.
    static let chromaPercentile = 0.96

    /// Chromaticity left after removing a smooth model of the light (the DOCUMENT_IS_COLORLESS cue).
    ///
    /// Physical cue: a grey copy reflects all wavelengths alike, so each pixel's chromaticity
    /// (r, b) = (R, B) / (R + G + B) is that of the light falling on it. That is constant under one
    /// lamp, varies smoothly across the card where a lamp and daylight mix, and moves with brightness
    /// only through the camera's tone curve (highlights desaturate at the shoulder, shadows keep the
    /// tint), smoothly again. Printed colour - skin in the portrait, coloured backgrounds and inks -
    /// changes chromaticity from region to region at the same brightness, which no smooth function
    /// can follow.
    ///
    /// Model, per chromaticity coordinate: a quadratic in position (x, y in -1...1) plus a quadratic
    /// in luminance L (channel mean / 128 - 1) plus L x and L y (the tone-curve effect differs where
    /// the tint differs), fitted by trimmed least squares. Returns the 96th percentile of the distance
    /// of the pixels' (r, b) from that model; 0 for a one-channel image (it has no colour), `nil` when
    /// fewer than 64 lit pixels remain (too dark to tell, so no DOCUMENT_IS_COLORLESS).
    static func chromaResidual(_ document: Mat) throws -> Double? {
        guard document.channels >= 3 else { return 0 }
        let small = try shrunk(document, width: max(1, document.cols / chromaScale), height: max(1, document.rows / chromaScale))
            .gaussianBlurred(kernel: 0, sigma: chromaBlurSigma)
        let marginX = Int((Double(small.cols) * chromaMargin).rounded()), marginY = Int((Double(small.rows) * chromaMargin).rounded())
        let width = small.cols - 2 * marginX, height = small.rows - 2 * marginY
        guard width > 1, height > 1 else { return nil }
        var features: [Double] = [], targets: [Double] = []
        features.reserveCapacity(width * height * TintModel.terms)
        targets.reserveCapacity(width * height * 2)
        small.withBytes { bytes, stride in
            for row in 0..<height {
                let y = 2 * Double(row) / Double(height - 1) - 1
                for column in 0..<width {
                    let i = (row + marginY) * stride + small.channels * (column + marginX)
                    let b = Double(bytes[i]), g = Double(bytes[i + 1]), r = Double(bytes[i + 2])
                    let sum = b + g + r
                    guard sum >= 3 * chromaMinimumMean, max(b, g, r) < chromaClipLevel else { continue }
                    let x = 2 * Double(column) / Double(width - 1) - 1, l = sum / 384 - 1
                    // 1, x, y, x², xy, y², L, L², Lx, Ly
                    features.append(1); features.append(x); features.append(y)
                    features.append(x * x); features.append(x * y); features.append(y * y)
                    features.append(l); features.append(l * l); features.append(l * x); features.append(l * y)
                    targets.append(r / sum); targets.append(b / sum)
                }
            }
        }
        let count = targets.count / 2
        guard count >= 64 else { return nil }
        var inlier = [Bool](repeating: true, count: count)
        var residuals = [Double](repeating: 0, count: count)
        for pass in 0..<3 {
            let model = TintModel(features: features, targets: targets, using: inlier)
            model.distances(features, targets, into: &residuals)
            guard pass < 2 else { break }
            let cut = max(chromaTrimMultiple * quantile(residuals, 0.5), chromaTrimFloor)
            for i in 0..<count { inlier[i] = residuals[i] <= cut }
        }
        return quantile(residuals, chromaPercentile)
    }

    /// Area-averages down to `width x height`, halving first: OpenCV's exact 2:1 area resize is ~10x
    /// faster than its general path, which then only has the last, small step to do.
    private static func shrunk(_ image: Mat, width: Int, height: Int) throws -> Mat {
        var image = image
        while image.cols >= 2 * width && image.rows >= 2 * height && (image.cols / 2 != width || image.rows / 2 != height) {
            image = try image.resized(width: image.cols / 2, height: image.rows / 2)
        }
        return image.cols == width && image.rows == height ? image : try image.resized(width: width, height: height)
    }

    /// The value at rank floor((n - 1) q) of `values` (n > 0), by quickselect on a copy.
    static func quantile(_ values: [Double], _ q: Double) -> Double {
        var copy = values
        let k = Int(Double(values.count - 1) * q)
        return copy.withUnsafeMutableBufferPointer { v in
            var low = 0, high = v.count - 1
            while low < high {
                let pivot = v[(low + high) / 2]
                var i = low, j = high
                while i <= j {
                    while v[i] < pivot { i += 1 }
                    while v[j] > pivot { j -= 1 }
                    if i <= j { v.swapAt(i, j); i += 1; j -= 1 }
                }
                if k <= j { high = j } else if k >= i { low = i } else { break }
            }
            return v[k]
        }
    }
}

/// Least-squares coefficients of the tint model for both chromaticity coordinates.
private struct TintModel {
    static let terms = 10
    var coefficients: [Double]  // terms x 2, row-major

    init(features: [Double], targets: [Double], using inlier: [Bool]) {
        let n = Self.terms
        var normal = [Double](repeating: 0, count: n * n), rhs = [Double](repeating: 0, count: n * 2)
        var used = 0.0
        features.withUnsafeBufferPointer { f in
            targets.withUnsafeBufferPointer { t in
                normal.withUnsafeMutableBufferPointer { m in
                    rhs.withUnsafeMutableBufferPointer { v in
                        for i in inlier.indices where inlier[i] {
                            used += 1
                            let row = i * n, tr = t[2 * i], tb = t[2 * i + 1]
                            for a in 0..<n {
                                let fa = f[row + a]
                                v[2 * a] += fa * tr
                                v[2 * a + 1] += fa * tb
                                for b in a..<n { m[a * n + b] += fa * f[row + b] }
                            }
                        }
                    }
                }
            }
        }
        // A ridge of 1e-6 per sample keeps terms that the data leave undetermined (a card of one
        // brightness has no luminance trend) at zero instead of making the system singular.
        for a in 0..<n {
            normal[a * n + a] += 1e-6 * max(1, used)
            for b in 0..<a { normal[a * n + b] = normal[b * n + a] }
        }
        coefficients = Self.solve(normal, rhs, size: n)
    }

    /// Distance of every sample's (r, b) from the model.
    func distances(_ features: [Double], _ targets: [Double], into residuals: inout [Double]) {
        let n = Self.terms
        features.withUnsafeBufferPointer { f in
            targets.withUnsafeBufferPointer { t in
                coefficients.withUnsafeBufferPointer { c in
                    residuals.withUnsafeMutableBufferPointer { out in
                        for i in 0..<out.count {
                            var r = t[2 * i], b = t[2 * i + 1]
                            for a in 0..<n {
                                r -= f[i * n + a] * c[2 * a]
                                b -= f[i * n + a] * c[2 * a + 1]
                            }
                            out[i] = (r * r + b * b).squareRoot()
                        }
                    }
                }
            }
        }
    }

    /// Solves the symmetric positive-definite system `matrix * X = rhs` (two right-hand sides) by Cholesky.
    private static func solve(_ matrix: [Double], _ rhs: [Double], size n: Int) -> [Double] {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = matrix[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = i == j ? max(sum, 1e-12).squareRoot() : sum / l[j * n + j]
            }
        }
        var x = rhs
        for c in 0..<2 {
            for i in 0..<n {
                var sum = x[2 * i + c]
                for k in 0..<i { sum -= l[i * n + k] * x[2 * k + c] }
                x[2 * i + c] = sum / l[i * n + i]
            }
            for i in stride(from: n - 1, through: 0, by: -1) {
                var sum = x[2 * i + c]
                for k in (i + 1)..<n { sum -= l[k * n + i] * x[2 * k + c] }
                x[2 * i + c] = sum / l[i * n + i]
            }
        }
        return x
    }
}
