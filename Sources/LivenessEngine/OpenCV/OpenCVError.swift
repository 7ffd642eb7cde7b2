import COpenCVShim

/// An error reported by the OpenCV shim: OpenCV's own exception text, or the shim's argument check.
public struct OpenCVError: Error, Sendable, CustomStringConvertible {
    /// The shim's status code (`LV_ERR_*`).
    public let code: Int32
    public let message: String

    public var description: String { "OpenCV error \(code): \(message)" }
    /// True when the codec could not decode the bytes (as opposed to a failure inside OpenCV).
    public var isDecodeFailure: Bool { code == Int32(LV_ERR_DECODE) }
}

/// Calls a shim function that reports through `lv_error`, throwing on a non-zero status.
@inline(__always)
package func shimCall(_ body: (UnsafeMutablePointer<lv_error>) -> Int32) throws {
    var error = lv_error()
    let status = body(&error)
    guard status == 0 else {
        let message = withUnsafeBytes(of: error.message) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        throw OpenCVError(code: status, message: message)
    }
}

/// Copies a malloc'd shim buffer into an array and frees it.
func takeBuffer<T>(_ pointer: UnsafeMutablePointer<T>?, count: Int) -> [T] {
    guard let pointer else { return [] }
    defer { lv_free(pointer) }
    return Array(UnsafeBufferPointer(start: pointer, count: max(0, count)))
}

/// Sets OpenCV up once per process (one thread: parallelism comes from concurrent requests).
public enum OpenCV {
    private static let configured: Bool = {
        lv_init()
        return true
    }()

    public static func configure() { _ = configured }
    public static var version: String { String(cString: lv_opencv_version()) }
}
