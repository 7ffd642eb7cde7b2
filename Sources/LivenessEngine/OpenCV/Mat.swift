import COpenCVShim

/// An immutable OpenCV matrix (8-bit BGR, grey, or 32-bit float) owned by the shim.
/// Nothing mutates a `Mat` after creation, so sharing one between tasks is safe.
public final class Mat: @unchecked Sendable {
    package let handle: OpaquePointer
    public let rows: Int
    public let cols: Int
    public let channels: Int
    /// OpenCV depth code: 0 = 8-bit unsigned, 5 = 32-bit float.
    public let depth: Int

    package init(handle: OpaquePointer) {
        self.handle = handle
        var r: Int32 = 0, c: Int32 = 0, ch: Int32 = 0, d: Int32 = 0
        lv_mat_info(handle, &r, &c, &ch, &d)
        rows = Int(r); cols = Int(c); channels = Int(ch); depth = Int(d)
    }

    deinit { lv_mat_release(handle) }

    public var width: Int { cols }
    public var height: Int { rows }
    /// The whole image as a rectangle (origin at the top-left corner of the first pixel).
    public var bounds: Rect { Rect(x: 0, y: 0, width: Double(cols), height: Double(rows)) }

    /// Builds a matrix from a closure that writes a new `lv_mat` handle.
    package static func make(_ body: (UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<lv_error>) -> Int32) throws -> Mat {
        var out: OpaquePointer?
        try shimCall { body(&out, $0) }
        guard let out else { throw OpenCVError(code: Int32(LV_ERR_UNKNOWN), message: "the shim returned no matrix") }
        return Mat(handle: out)
    }

    /// Copies 8-bit pixels (`channels` interleaved, rows packed) into a new matrix.
    public convenience init(width: Int, height: Int, channels: Int, bytes: [UInt8]) throws {
        precondition(bytes.count == width * height * channels, "pixel buffer size mismatch")
        var out: OpaquePointer?
        try bytes.withUnsafeBytes { raw in
            try shimCall { lv_mat_from_pixels(Int32(height), Int32(width), Int32(channels), 0, raw.baseAddress, width * channels, &out, $0) }
        }
        self.init(handle: out!)
    }

    /// Copies 32-bit float values (one channel, rows packed) into a new matrix.
    public convenience init(width: Int, height: Int, floats: [Float]) throws {
        precondition(floats.count == width * height, "value buffer size mismatch")
        var out: OpaquePointer?
        try floats.withUnsafeBytes { raw in
            try shimCall { lv_mat_from_pixels(Int32(height), Int32(width), 1, 5, raw.baseAddress, width * 4, &out, $0) }
        }
        self.init(handle: out!)
    }

    /// Read-only access to the 8-bit pixels: the buffer and the row stride in bytes.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> R) rethrows -> R {
        var step = 0
        let data = lv_mat_data(handle, &step)
        return try body(UnsafeBufferPointer(start: data, count: step * rows), step)
    }

    /// A copy of the 8-bit pixels with rows packed (no stride padding), channels interleaved.
    public func packedBytes() -> [UInt8] {
        withBytes { bytes, stride in
            let rowBytes = cols * channels
            var out = [UInt8](repeating: 0, count: rowBytes * rows)
            out.withUnsafeMutableBytes { target in
                let source = UnsafeRawBufferPointer(bytes)
                for y in 0..<rows {
                    UnsafeMutableRawBufferPointer(rebasing: target[(y * rowBytes)..<((y + 1) * rowBytes)])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: source[(y * stride)..<(y * stride + rowBytes)]))
                }
            }
            return out
        }
    }

    /// Read-only access to a 32-bit float matrix (one channel): values and row stride in floats.
    public func withFloats<R>(_ body: (UnsafeBufferPointer<Float>, Int) throws -> R) rethrows -> R {
        precondition(depth == 5, "not a float matrix")
        var step = 0
        let data = lv_mat_data(handle, &step)
        return try data!.withMemoryRebound(to: Float.self, capacity: step / 4 * rows) { floats in
            try body(UnsafeBufferPointer(start: floats, count: step / 4 * rows), step / 4)
        }
    }
}
