import COpenCVShim

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
    /// Sobel derivatives of the strongest channel (see above), as OpenCV computes them.
    private let dx: [Int16]
    private let dy: [Int16]
    /// Grey levels per pixel per derivative unit: 1/4 (the 3x3 Sobel's weight) times `gain`.
    private let scale: Double

    /// Factor by which derivatives are amplified in a dark photo (1 for a normally exposed one).
    ///
    /// Physical cue: a border's brightness step is proportional to the light falling on it; in a
    /// photo exposed at a third of the usual brightness every step is a third as high. Amplifying
    /// by `referenceLuminance / median luminance` (at most `maximumGain`) keeps the edge thresholds
    /// meaningful in a dim room without lowering them for well-lit photos.
    let gain: Double
    static let referenceLuminance = 100.0
    static let maximumGain = 3.0

    init(image: Mat) throws {
        width = image.cols
        height = image.rows
        gain = min(Self.maximumGain, max(1, Self.referenceLuminance / max(1, Double(Self.medianLuminance(image)))))
        scale = 0.25 * gain
        var dx = [Int16](repeating: 0, count: width * height), dy = [Int16](repeating: 0, count: width * height)
        try dx.withUnsafeMutableBufferPointer { x in
            try dy.withUnsafeMutableBufferPointer { y in
                try shimCall { lv_colour_gradient(image.handle, x.baseAddress, y.baseAddress, $0) }
            }
        }
        self.dx = dx
        self.dy = dy
    }

    /// Canny edges of this field. Thresholds are in the units of `Mat.canny` on a normally exposed
    /// photo; in a dim one they are lowered by `gain`, as the derivatives are raised.
    func cannyEdges(low: Double, high: Double) throws -> Mat {
        try dx.withUnsafeBufferPointer { x in
            try dy.withUnsafeBufferPointer { y in
                try Mat.make { lv_canny_derivatives(Int32(height), Int32(width), x.baseAddress, y.baseAddress, low / gain, high / gain, 1, $0, $1) }
            }
        }
    }

    /// Median luma of every other pixel of every other row.
    private static func medianLuminance(_ image: Mat) -> Int {
        var histogram = [Int](repeating: 0, count: 256)
        image.withBytes { bytes, stride in
            for y in Swift.stride(from: 0, to: image.rows, by: 2) {
                for x in Swift.stride(from: 0, to: image.cols, by: 2) {
                    let i = y * stride + x * image.channels
                    histogram[image.channels == 3 ? luma(b: bytes[i], g: bytes[i + 1], r: bytes[i + 2]) : Int(bytes[i])] += 1
                }
            }
        }
        return medianOfHistogram(histogram)
    }

    /// Derivative along the unit normal (nx, ny) at pixel (x, y); 0 outside the image.
    @inline(__always)
    func derivative(x: Int, y: Int, nx: Double, ny: Double) -> Double {
        guard x >= 0, y >= 0, x < width, y < height else { return 0 }
        let i = y * width + x
        return (Double(dx[i]) * nx + Double(dy[i]) * ny) * scale
    }
}
