/// Horizontal and vertical intensity derivatives of an image (3x3 Sobel, divided by 4 so values
/// are in grey levels per pixel), sampled by the locator to test whether a line is an edge.
///
/// For a colour image each pixel keeps the derivatives of the channel that changes most there:
/// a blue card on brown wood is a strong edge in the blue channel though both are equally dark.
/// Its sign follows the luminance gradient, so that an edge where one channel rises and another
/// falls (blue header on brown wood) keeps one polarity along its length whichever channel wins.
struct GradientField {
    let width: Int
    let height: Int
    private let gx: [Float]
    private let gy: [Float]

    /// BT.601 luma weights in OpenCV's B, G, R order.
    private static let lumaWeights: [Float] = [0.114, 0.587, 0.299]

    init(image: Mat) throws {
        width = image.cols
        height = image.rows
        let dx = try image.sobel(dx: 1, dy: 0), dy = try image.sobel(dx: 0, dy: 1)
        let channels = image.channels, count = image.cols * image.rows
        var outX = [Float](repeating: 0, count: count), outY = [Float](repeating: 0, count: count)
        dx.withFloats { xs, xStride in
            dy.withFloats { ys, yStride in
                for y in 0..<image.rows {
                    for x in 0..<image.cols {
                        var bestX: Float = 0, bestY: Float = 0, bestMagnitude: Float = -1
                        var lumaX: Float = 0, lumaY: Float = 0
                        for c in 0..<channels {
                            let vx = xs[y * xStride + x * channels + c], vy = ys[y * yStride + x * channels + c]
                            let magnitude = vx * vx + vy * vy
                            if magnitude > bestMagnitude { bestMagnitude = magnitude; bestX = vx; bestY = vy }
                            let weight = channels == 3 ? Self.lumaWeights[c] : 1
                            lumaX += weight * vx
                            lumaY += weight * vy
                        }
                        let sign: Float = bestX * lumaX + bestY * lumaY < 0 ? -0.25 : 0.25
                        outX[y * image.cols + x] = bestX * sign
                        outY[y * image.cols + x] = bestY * sign
                    }
                }
            }
        }
        gx = outX
        gy = outY
    }

    /// Derivative along the unit normal (nx, ny) at pixel (x, y); 0 outside the image.
    @inline(__always)
    func derivative(x: Int, y: Int, nx: Double, ny: Double) -> Double {
        guard x >= 0, y >= 0, x < width, y < height else { return 0 }
        let i = y * width + x
        return Double(gx[i]) * nx + Double(gy[i]) * ny
    }
}
