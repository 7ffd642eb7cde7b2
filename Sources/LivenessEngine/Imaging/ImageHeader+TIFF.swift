extension ImageHeader {
    /// The first image file directory (IFD0) of a TIFF stream, as used by TIFF files and EXIF blocks.
    ///
    /// Only IFD0 is read and no next-IFD or sub-IFD offset is followed, so offset loops cannot occur;
    /// entry counts and value offsets are bounds-checked before use and nothing is allocated per value.
    struct TIFFDirectory: Sendable {
        struct Entry: Sendable {
            let type: Int
            let count: Int
            /// Offset (from the start of the TIFF stream) of the entry's 4-byte value-or-offset field.
            let valueField: Int
        }

        /// The whole TIFF stream; offsets inside it are relative to its start.
        let data: ByteWindow
        let bigEndian: Bool
        /// The first entry seen for each tag.
        let entries: [Int: Entry]

        init(tiff data: ByteWindow) throws(ImageHeaderError) {
            if data.matches(0, [0x49, 0x49, 0x2A, 0x00]) {
                bigEndian = false
            } else if data.matches(0, [0x4D, 0x4D, 0x00, 0x2A]) {
                bigEndian = true
            } else if data.has(0, 4) {
                throw .malformed(data.format, "the TIFF byte-order mark is neither II*\\0 nor MM\\0*")
            } else {
                throw .truncated(data.format)
            }
            self.data = data
            let ifdOffset = try data.uint(4, size: 4, bigEndian: bigEndian)
            guard ifdOffset >= 8 else {
                throw .malformed(data.format, "the IFD0 offset \(ifdOffset) points into the TIFF header")
            }
            let entryCount = try data.uint(ifdOffset, size: 2, bigEndian: bigEndian)
            guard data.has(ifdOffset + 2, entryCount * 12) else { throw .truncated(data.format) }
            var entries: [Int: Entry] = [:]
            for index in 0..<entryCount {
                let at = ifdOffset + 2 + index * 12
                let tag = try data.uint(at, size: 2, bigEndian: bigEndian)
                guard entries[tag] == nil else { continue }
                entries[tag] = Entry(
                    type: try data.uint(at + 2, size: 2, bigEndian: bigEndian),
                    count: try data.uint(at + 4, size: 4, bigEndian: bigEndian),
                    valueField: at + 8
                )
            }
            self.entries = entries
        }

        /// The `index`th value of an unsigned integer tag (BYTE, SHORT, LONG or IFD); nil when the tag is absent.
        func integer(_ tag: Int, index: Int = 0) throws(ImageHeaderError) -> Int? {
            guard let entry = entries[tag] else { return nil }
            let size: Int
            switch entry.type {
            case 1: size = 1
            case 3: size = 2
            case 4, 13: size = 4
            default: throw .malformed(data.format, "TIFF tag \(tag) has non-integer type \(entry.type)")
            }
            guard index >= 0, index < entry.count else { return nil }
            // count < 2^32 and size <= 4, so the product cannot overflow a 64-bit Int.
            let base = entry.count * size <= 4
                ? entry.valueField
                : try data.uint(entry.valueField, size: 4, bigEndian: bigEndian)
            return try data.uint(base + index * size, size: size, bigEndian: bigEndian)
        }
    }

    /// The EXIF orientation in a TIFF-structured EXIF block (with or without the "Exif\0\0" prefix);
    /// 1 when it is absent, out of range or unreadable. Never throws: bad EXIF must not reject an image.
    static func exifOrientation(_ block: ByteWindow) -> Int {
        let tiff = block.matches(0, ascii: "Exif\0\0") ? try? block.suffix(from: 6) : block
        guard let tiff, let directory = try? TIFFDirectory(tiff: tiff),
              let value = try? directory.integer(274), (1...8).contains(value)
        else { return 1 }
        return value
    }

    /// TIFF: IFD0's ImageWidth/ImageLength, BitsPerSample, SamplesPerPixel, Photometric and Orientation.
    static func parseTIFF(_ data: ByteWindow) throws(ImageHeaderError) -> ImageHeader {
        let directory = try TIFFDirectory(tiff: data)
        guard let width = try directory.integer(256), let height = try directory.integer(257) else {
            throw .malformed(.tiff, "IFD0 has no ImageWidth (256) or ImageLength (257) tag")
        }
        guard width > 0, height > 0 else {
            throw .malformed(.tiff, "the image is \(width)x\(height) pixels; both must be positive")
        }
        // TIFF defaults: one sample of one bit.
        let bits = try directory.integer(258) ?? 1
        let samples = try directory.integer(277) ?? 1
        guard bits > 0, samples > 0 else {
            throw .malformed(.tiff, "BitsPerSample \(bits) and SamplesPerPixel \(samples) must be positive")
        }
        let photometric = try directory.integer(262)
        let orientation = try? directory.integer(274)
        return ImageHeader(
            format: .tiff, width: width, height: height, bitsPerChannel: bits,
            channels: photometric == 3 ? 3 : samples,  // palette images expand to RGB
            isCMYK: photometric == 5, orientation: orientation ?? 1
        )
    }
}
