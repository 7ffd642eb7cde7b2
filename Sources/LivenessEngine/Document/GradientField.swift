/// Horizontal and vertical intensity derivatives of a grey image (3x3 Sobel, divided by 4 so
/// values are in grey levels per pixel), sampled by the locator to test whether a line is an edge.
struct GradientField {
    let width: Int
    let height: Int
    private let gx: [Float]
    private let gy: [Float]

    init(grey: Mat) throws {
        width = grey.cols
        height = grey.rows
        func read(_ mat: Mat) -> [Float] {
            mat.withFloats { values, stride in
                var out = [Float](repeating: 0, count: grey.cols * grey.rows)
                for y in 0..<grey.rows {
                    for x in 0..<grey.cols { out[y * grey.cols + x] = values[y * stride + x] * 0.25 }
                }
                return out
            }
        }
        gx = read(try grey.sobel(dx: 1, dy: 0))
        gy = read(try grey.sobel(dx: 0, dy: 1))
    }

    /// Derivative along the unit normal (nx, ny) at pixel (x, y); 0 outside the image.
    @inline(__always)
    func derivative(x: Int, y: Int, nx: Double, ny: Double) -> Double {
        guard x >= 0, y >= 0, x < width, y < height else { return 0 }
        let i = y * width + x
        return Double(gx[i]) * nx + Double(gy[i]) * ny
    }
}
