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
    private let gx: [Float]
    private let gy: [Float]
    /// The same derivatives, unscaled, as 16-bit matrices for Canny.
    private let derivativesX: Mat
    private let derivativesY: Mat

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
        var outX = [Float](repeating: 0, count: width * height), outY = [Float](repeating: 0, count: width * height)
        var dx: OpaquePointer?, dy: OpaquePointer?
        try outX.withUnsafeMutableBufferPointer { x in
            try outY.withUnsafeMutableBufferPointer { y in
                try shimCall { lv_colour_gradient(image.handle, 0.25 * gain, x.baseAddress, y.baseAddress, &dx, &dy, $0) }
            }
        }
        gx = outX
        gy = outY
        derivativesX = Mat(handle: dx!)
        derivativesY = Mat(handle: dy!)
    }

    /// Canny edges of this field, thresholds in the units of a 3x3 Sobel on 8-bit pixels (as
    /// `Mat.canny`): the colour edges the locator scores, without a second gradient pass.
    func cannyEdges(low: Double, high: Double) throws -> Mat {
        try Mat.make { lv_canny_derivatives(derivativesX.handle, derivativesY.handle, low, high, 1, $0, $1) }
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
