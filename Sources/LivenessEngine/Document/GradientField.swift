/// Horizontal and vertical intensity derivatives of an image (3x3 Sobel, divided by 4 so values
/// are in grey levels per pixel), sampled by the locator to test whether a line is an edge.
///
/// For a colour image each pixel keeps the derivatives of the channel that changes most there:
/// a blue card on brown wood is a strong edge in the blue channel though both are equally dark.
/// Its sign follows the luminance gradient, so that an edge where one channel rises and another
/// falls (blue header on brown wood) keeps one polarity along its length whichever channel wins
/// (luminance by the BT.601 weights, in OpenCV's B, G, R order).
struct GradientField {
    let width: Int
    let height: Int
    private let gx: [Float]
    private let gy: [Float]

    /// Factor by which derivatives are amplified in a dark photo (1 for a normally exposed one).
    ///
    /// Physical cue: a border's brightness step is proportional to the light falling on it; in a
    /// photo exposed at a third of the usual brightness every step is a third as high. Amplifying
    /// by `referenceLuminance / median luminance` (at most `maximumGain`) keeps the edge thresholds
    /// meaningful in a dim room without lowering them for well-lit photos.
    let gain: Float
    static let referenceLuminance: Float = 100
    static let maximumGain: Float = 3

    init(image: Mat) throws {
        width = image.cols
        height = image.rows
        let gain = min(Self.maximumGain, max(1, Self.referenceLuminance / max(1, Self.medianLuminance(image))))
        self.gain = gain
        let dx = try image.sobel(dx: 1, dy: 0), dy = try image.sobel(dx: 0, dy: 1)
        let channels = image.channels, count = image.cols * image.rows
        var outX = [Float](repeating: 0, count: count), outY = [Float](repeating: 0, count: count)
        dx.withFloats { xs, xStride in
            dy.withFloats { ys, yStride in
                for y in 0..<image.rows {
                    let xRow = y * xStride, yRow = y * yStride, out = y * image.cols
                    for x in 0..<image.cols {
                        let base = x * channels
                        var bestX = xs[xRow + base], bestY = ys[yRow + base]
                        guard channels == 3 else {
                            outX[out + x] = bestX * 0.25 * gain
                            outY[out + x] = bestY * 0.25 * gain
                            continue
                        }
                        let gX = xs[xRow + base + 1], gY = ys[yRow + base + 1], rX = xs[xRow + base + 2], rY = ys[yRow + base + 2]
                        var bestMagnitude = bestX * bestX + bestY * bestY
                        let lumaX = 0.114 * bestX + 0.587 * gX + 0.299 * rX, lumaY = 0.114 * bestY + 0.587 * gY + 0.299 * rY
                        let gMagnitude = gX * gX + gY * gY, rMagnitude = rX * rX + rY * rY
                        if gMagnitude > bestMagnitude { bestMagnitude = gMagnitude; bestX = gX; bestY = gY }
                        if rMagnitude > bestMagnitude { bestX = rX; bestY = rY }
                        let sign: Float = (bestX * lumaX + bestY * lumaY < 0 ? -0.25 : 0.25) * gain
                        outX[out + x] = bestX * sign
                        outY[out + x] = bestY * sign
                    }
                }
            }
        }
        gx = outX
        gy = outY
    }

    private static func medianLuminance(_ image: Mat) -> Float {
        var histogram = [Int](repeating: 0, count: 256)
        image.withBytes { bytes, stride in
            for y in Swift.stride(from: 0, to: image.rows, by: 2) {
                for x in Swift.stride(from: 0, to: image.cols, by: 2) {
                    let i = y * stride + x * image.channels
                    let luma = image.channels == 3
                        ? (29 * Int(bytes[i]) + 150 * Int(bytes[i + 1]) + 77 * Int(bytes[i + 2])) >> 8 : Int(bytes[i])
                    histogram[luma] += 1
                }
            }
        }
        let total = histogram.reduce(0, +)
        var seen = 0
        for (value, count) in histogram.enumerated() {
            seen += count
            if 2 * seen >= total { return Float(value) }
        }
        return 255
    }

    /// Derivative along the unit normal (nx, ny) at pixel (x, y); 0 outside the image.
    @inline(__always)
    func derivative(x: Int, y: Int, nx: Double, ny: Double) -> Double {
        guard x >= 0, y >= 0, x < width, y < height else { return 0 }
        let i = y * width + x
        return Double(gx[i]) * nx + Double(gy[i]) * ny
    }
}
