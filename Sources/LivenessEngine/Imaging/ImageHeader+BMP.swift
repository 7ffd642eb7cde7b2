extension ImageHeader {
    /// BMP: the 14-byte file header and the DIB header, either BITMAPCOREHEADER (12 bytes, 16-bit
    /// dimensions) or BITMAPINFOHEADER and its successors (16+ bytes, signed 32-bit dimensions;
    /// a negative height means top-down rows). The whole DIB header must be present.
    static func parseBMP(_ data: ByteWindow) throws(ImageHeaderError) -> ImageHeader {
        let dibSize = try data.u32le(14)
        let width: Int
        let height: Int
        var hasAlpha = false
        switch dibSize {
        case 12:
            guard data.has(14, dibSize) else { throw .truncated(.bmp) }
            width = try data.u16le(18)
            height = try data.u16le(20)
        case 16...4096:
            guard data.has(14, dibSize) else { throw .truncated(.bmp) }
            width = Int(Int32(truncatingIfNeeded: try data.u32le(18)))
            height = abs(Int(Int32(truncatingIfNeeded: try data.u32le(22))))  // cannot overflow a 64-bit Int
            let bitsPerPixel = try data.u16le(28)
            // BITMAPV3INFOHEADER and later carry an alpha mask at DIB offset 52.
            if bitsPerPixel == 32, dibSize >= 56 { hasAlpha = try data.u32le(14 + 52) != 0 }
        default:
            throw .malformed(.bmp, "the DIB header size \(dibSize) is not 12 or 16...4096 bytes")
        }
        guard width > 0, height > 0 else {
            throw .malformed(.bmp, "the image is \(width)x\(height) pixels; width must be positive and height non-zero")
        }
        return ImageHeader(format: .bmp, width: width, height: height, channels: hasAlpha ? 4 : 3)
    }
}
