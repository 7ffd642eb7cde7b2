import COpenCVShim

/// Thin Swift wrappers over the shim's image operations. Each returns a new matrix.
extension Mat {
    public enum Interpolation: Int32, Sendable { case nearest = 0, linear = 1, area = 3 }
    public enum Morphology: Int32, Sendable { case erode = 0, dilate, open, close, gradient }

    /// OpenCV colour conversion codes used by the engine.
    public enum ColorConversion: Int32, Sendable {
        case bgrToGrey = 6, greyToBGR = 8, bgrToHSV = 40, bgrToLab = 44, bgrToYCrCb = 36, bgrToRGB = 4
    }

    /// A private copy (to draw on without touching anyone else's pixels).
    public func cloned() throws -> Mat {
        try Mat.make { lv_mat_clone(handle, $0, $1) }
    }

    /// A copy of the pixels inside `rect` (rounded outwards to whole pixels, clipped to the image).
    public func cropped(_ rect: Rect) throws -> Mat {
        let left = Int(rect.x.rounded(.down)), top = Int(rect.y.rounded(.down))
        let right = Int((rect.x + rect.width).rounded(.up)), bottom = Int((rect.y + rect.height).rounded(.up))
        return try Mat.make { lv_crop(handle, Int32(left), Int32(top), Int32(right - left), Int32(bottom - top), $0, $1) }
    }

    public func resized(width: Int, height: Int, interpolation: Interpolation = .area) throws -> Mat {
        try Mat.make { lv_resize(handle, Int32(width), Int32(height), interpolation.rawValue, $0, $1) }
    }

    /// Scales so the longer side is at most `maxSide` (returns self when already small enough) and the scale used.
    public func fitting(maxSide: Int) throws -> (mat: Mat, scale: Double) {
        let longest = max(cols, rows)
        guard longest > maxSide else { return (self, 1) }
        let scale = Double(maxSide) / Double(longest)
        let resized = try resized(width: max(1, Int((Double(cols) * scale).rounded())),
                                  height: max(1, Int((Double(rows) * scale).rounded())))
        return (resized, scale)
    }

    public func converted(_ code: ColorConversion) throws -> Mat {
        try Mat.make { lv_cvt_color(handle, code.rawValue, $0, $1) }
    }

    /// This image as one grey channel (a copy when already grey is avoided).
    public func grey() throws -> Mat {
        channels == 1 ? self : try converted(.bgrToGrey)
    }

    public func channel(_ index: Int) throws -> Mat {
        try Mat.make { lv_extract_channel(handle, Int32(index), $0, $1) }
    }

    public func oriented(exif orientation: Int) throws -> Mat {
        guard orientation > 1 && orientation <= 8 else { return self }
        return try Mat.make { lv_orient(handle, Int32(orientation), $0, $1) }
    }

    /// Rectifies the quadrilateral (TL, TR, BR, BL) to a `width x height` image.
    public func warped(quad: Quad, width: Int, height: Int) throws -> Mat {
        let flat = quad.flatFloats
        return try flat.withUnsafeBufferPointer { q in
            try Mat.make { lv_warp_quad(handle, q.baseAddress, Int32(width), Int32(height), $0, $1) }
        }
    }

    /// Warps with a homography (row-major 3x3) into a `width x height` canvas filled with `fill` (BGR).
    public func warped(homography: [Double], width: Int, height: Int, fill: [Double] = [0, 0, 0, 0], replicateBorder: Bool = false) throws -> Mat {
        precondition(homography.count == 9)
        return try homography.withUnsafeBufferPointer { h in
            try (fill + [0, 0, 0, 0]).withUnsafeBufferPointer { f in
                try Mat.make { lv_warp_perspective(handle, h.baseAddress, Int32(width), Int32(height), replicateBorder ? 1 : 0, f.baseAddress, $0, $1) }
            }
        }
    }

    public func gaussianBlurred(kernel: Int, sigma: Double = 0) throws -> Mat {
        try Mat.make { lv_gaussian_blur(handle, Int32(kernel), sigma, $0, $1) }
    }

    public func canny(low: Double, high: Double, l2: Bool = true) throws -> Mat {
        try Mat.make { lv_canny(handle, low, high, l2 ? 1 : 0, $0, $1) }
    }

    public func morphology(_ op: Morphology, kernelWidth: Int, kernelHeight: Int, iterations: Int = 1) throws -> Mat {
        try Mat.make { lv_morphology(handle, op.rawValue, Int32(kernelWidth), Int32(kernelHeight), Int32(iterations), $0, $1) }
    }

    public func sobel(dx: Int, dy: Int, kernel: Int = 3) throws -> Mat {
        try Mat.make { lv_sobel(handle, Int32(dx), Int32(dy), Int32(kernel), $0, $1) }
    }

    /// Variance of the Laplacian: high for sharp detail, low for defocus or motion blur.
    public func laplacianVariance() throws -> Double {
        var value = 0.0
        try shimCall { lv_laplacian_variance(handle, &value, $0) }
        return value
    }

    /// Magnitude of the unshifted 2-D DFT (float, one channel).
    public func dftMagnitude() throws -> Mat {
        try Mat.make { lv_dft_magnitude(handle, $0, $1) }
    }

    /// Encodes with the codec of `fileExtension` (".png", ".jpg", ...).
    public func encoded(as fileExtension: String, quality: Int = 0) throws -> [UInt8] {
        var pointer: UnsafeMutablePointer<UInt8>?
        var length = 0
        try shimCall { lv_encode(handle, fileExtension, Int32(quality), &pointer, &length, $0) }
        return takeBuffer(pointer, count: length)
    }

    /// Decodes bytes with OpenCV's codecs, ignoring EXIF orientation (see `ImageDecoder`).
    static func decode(_ bytes: [UInt8], grey: Bool = false) throws -> Mat {
        try bytes.withUnsafeBufferPointer { buffer in
            try Mat.make { lv_decode(buffer.baseAddress, buffer.count, grey ? 1 : 0, $0, $1) }
        }
    }
}
