extension ImageHeader {
    /// PNG: the IHDR chunk, then the chunk list up to the first IDAT for an eXIf orientation.
    /// Data that ends before IDAT is `truncated(.png)`. CRCs are not checked.
    static func parsePNG(_ data: ByteWindow) throws(ImageHeaderError) -> ImageHeader {
        guard data.has(8, 8 + 13) else { throw .truncated(.png) }
        guard data.matches(12, ascii: "IHDR") else { throw .malformed(.png, "the first chunk is not IHDR") }
        let ihdrLength = try data.u32be(8)
        guard ihdrLength == 13 else { throw .malformed(.png, "the IHDR chunk is \(ihdrLength) bytes, not 13") }
        let width = try data.u32be(16)
        let height = try data.u32be(20)
        let depth = try data.u8(24)
        let colourType = try data.u8(25)
        guard width > 0, height > 0, width <= Int(Int32.max), height <= Int(Int32.max) else {
            throw .malformed(.png, "the image is \(width)x\(height) pixels; both must be 1...2^31-1")
        }
        let channels: Int
        let validDepths: Set<Int>
        switch colourType {
        case 0: (channels, validDepths) = (1, [1, 2, 4, 8, 16])
        case 2: (channels, validDepths) = (3, [8, 16])
        case 3: (channels, validDepths) = (3, [1, 2, 4, 8])  // palette entries are 8-bit RGB
        case 4: (channels, validDepths) = (2, [8, 16])
        case 6: (channels, validDepths) = (4, [8, 16])
        default: throw .malformed(.png, "colour type \(colourType) is not 0, 2, 3, 4 or 6")
        }
        guard validDepths.contains(depth) else {
            throw .malformed(.png, "bit depth \(depth) is not allowed with colour type \(colourType)")
        }

        var orientation: Int?
        var position = 8 + 12 + 13  // after the signature and the IHDR chunk (with its CRC)
        while true {
            let length = try data.u32be(position)
            guard length <= Int(Int32.max) else { throw .malformed(.png, "a chunk claims \(length) bytes") }
            guard data.has(position + 4, 4) else { throw .truncated(.png) }
            if data.matches(position + 4, ascii: "IDAT") { break }
            if data.matches(position + 4, ascii: "IEND") { throw .malformed(.png, "IEND comes before any IDAT") }
            if orientation == nil, data.matches(position + 4, ascii: "eXIf") {
                orientation = exifOrientation(try data.window(position + 8, length))
            }
            position += 12 + length  // length, type, data, CRC
        }
        return ImageHeader(
            format: .png, width: width, height: height, bitsPerChannel: colourType == 3 ? 8 : depth,
            channels: channels, orientation: orientation ?? 1
        )
    }
}
