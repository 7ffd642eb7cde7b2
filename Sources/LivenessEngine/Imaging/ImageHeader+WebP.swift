extension ImageHeader {
    /// WebP: RIFF "WEBP" whose first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended, with a
    /// canvas size and, usually after the image data, an EXIF chunk). The EXIF search is best effort:
    /// a file cut before its EXIF chunk keeps orientation 1.
    static func parseWebP(_ data: ByteWindow) throws(ImageHeaderError) -> ImageHeader {
        guard data.has(0, 20) else { throw .truncated(.webp) }
        let chunkSize = try data.u32le(16)
        if data.matches(12, ascii: "VP8 ") {
            guard chunkSize >= 10 else { throw .malformed(.webp, "the VP8 chunk is \(chunkSize) bytes") }
            // Frame tag (3 bytes, bit 0 clear for a key frame), start code 9D 01 2A, then 14-bit sizes.
            let frameTag = try data.u8(20)
            guard frameTag & 1 == 0 else { throw .malformed(.webp, "the VP8 frame is not a key frame") }
            guard try data.uint(23, size: 3, bigEndian: true) == 0x9D012A else {
                throw .malformed(.webp, "the VP8 start code is not 9D 01 2A")
            }
            let width = try data.u16le(26) & 0x3FFF
            let height = try data.u16le(28) & 0x3FFF
            guard width > 0, height > 0 else {
                throw .malformed(.webp, "the VP8 frame is \(width)x\(height) pixels; both must be positive")
            }
            return ImageHeader(format: .webp, width: width, height: height)
        }
        if data.matches(12, ascii: "VP8L") {
            // Signature 0x2F, then 14 bits width-1, 14 bits height-1, 1 bit alpha, 3 bits version.
            guard try data.u8(20) == 0x2F else { throw .malformed(.webp, "the VP8L signature byte is not 0x2F") }
            let bits = try data.u32le(21)
            guard bits >> 29 == 0 else { throw .malformed(.webp, "the VP8L version is \(bits >> 29), not 0") }
            return ImageHeader(
                format: .webp, width: (bits & 0x3FFF) + 1, height: (bits >> 14 & 0x3FFF) + 1,
                channels: bits >> 28 & 1 == 1 ? 4 : 3
            )
        }
        if data.matches(12, ascii: "VP8X") {
            // Flags (alpha 0x10), 3 reserved bytes, 24-bit canvas width-1 and height-1.
            guard chunkSize >= 10 else { throw .malformed(.webp, "the VP8X chunk is \(chunkSize) bytes") }
            let flags = try data.u8(20)
            let width = try data.u24le(24) + 1
            let height = try data.u24le(27) + 1
            return ImageHeader(
                format: .webp, width: width, height: height, channels: flags & 0x10 != 0 ? 4 : 3,
                orientation: webPEXIFOrientation(data)
            )
        }
        throw .malformed(.webp, "the first chunk is not VP8, VP8L or VP8X")
    }

    /// The orientation from the first EXIF chunk; 1 when there is none or the chunk list runs out.
    private static func webPEXIFOrientation(_ data: ByteWindow) -> Int {
        var position = 12
        while data.has(position, 8), let size = try? data.u32le(position + 4) {
            if data.matches(position, ascii: "EXIF") {
                guard let block = try? data.window(position + 8, size) else { return 1 }
                return exifOrientation(block)
            }
            position += 8 + size + (size & 1)  // chunks are padded to an even size
        }
        return 1
    }
}
