extension ImageHeader {
    private struct JPEGFrame {
        var precision: Int
        var width: Int
        var height: Int
        var components: Int
        /// The quantisation table used by the first (luminance) component.
        var firstTableID: Int
    }

    private struct QuantisationTable {
        /// Natural (row-major) order.
        var values: [Int]
        var isSixteenBit: Bool
    }

    /// JPEG: walks the marker segments from SOI to the first SOS, reading the frame header (SOFn),
    /// quantisation tables (DQT) and EXIF orientation (APP1). Any read past the end is `truncated(.jpeg)`.
    static func parseJPEG(_ data: ByteWindow) throws(ImageHeaderError) -> ImageHeader {
        var position = 2  // after SOI
        var frame: JPEGFrame?
        var tables: [Int: QuantisationTable] = [:]
        var orientation: Int?
        while true {
            // Skip stray bytes before a marker (as libjpeg does), then any 0xFF fill bytes.
            while try data.u8(position) != 0xFF { position += 1 }
            while try data.u8(position) == 0xFF { position += 1 }
            let marker = try data.u8(position)
            position += 1
            switch marker {
            case 0x00, 0x01, 0xD0...0xD8:
                continue  // stuffed zero, TEM, RSTn and SOI have no segment
            case 0xD9:
                throw .malformed(.jpeg, "the end-of-image marker comes before any scan")
            case 0xDA:
                guard let frame else { throw .malformed(.jpeg, "the first scan (SOS) comes before any frame header (SOF)") }
                return header(frame: frame, tables: tables, orientation: orientation ?? 1)
            default:
                break
            }
            let length = try data.u16be(position)
            guard length >= 2 else {
                throw .malformed(.jpeg, "marker 0xFF\(hex(marker)) has an impossible segment length \(length)")
            }
            let segment = try data.window(position + 2, length - 2)
            position += length
            switch marker {
            case 0xC0...0xCF where marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
                if frame == nil { frame = try readFrame(segment, marker: marker) }
            case 0xDB:
                try readQuantisationTables(segment, into: &tables)
            case 0xE1 where orientation == nil && segment.matches(0, ascii: "Exif\0\0"):
                orientation = exifOrientation(segment)
            default:
                break  // other APPn, COM, DHT, DRI...: skipped by length
            }
        }
    }

    private static func hex(_ byte: Int) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }

    private static func readFrame(_ segment: ByteWindow, marker: Int) throws(ImageHeaderError) -> JPEGFrame {
        guard segment.has(0, 6) else {
            throw .malformed(.jpeg, "the SOF\(marker - 0xC0) segment is \(segment.count) bytes, too short for a frame header")
        }
        let components = try segment.u8(5)
        guard components > 0, segment.has(6, components * 3) else {
            throw .malformed(.jpeg, "the frame header declares \(components) components in a \(segment.count)-byte segment")
        }
        let frame = JPEGFrame(
            precision: try segment.u8(0), width: try segment.u16be(3), height: try segment.u16be(1),
            components: components, firstTableID: try segment.u8(8)
        )
        guard frame.width > 0, frame.height > 0 else {
            throw .malformed(.jpeg, "the frame is \(frame.width)x\(frame.height) pixels; both must be positive")
        }
        guard frame.precision > 0 else { throw .malformed(.jpeg, "the frame sample precision is 0 bits") }
        return frame
    }

    private static func readQuantisationTables(
        _ segment: ByteWindow, into tables: inout [Int: QuantisationTable]
    ) throws(ImageHeaderError) {
        var offset = 0
        while offset < segment.count {
            let spec = try segment.u8(offset)
            let precision = spec >> 4
            let id = spec & 0x0F
            guard precision <= 1, id <= 3 else {
                throw .malformed(.jpeg, "a DQT table has precision \(precision) and id \(id)")
            }
            let size = precision + 1
            guard segment.has(offset + 1, 64 * size) else {
                throw .malformed(.jpeg, "the DQT segment ends inside table \(id)")
            }
            var values = [Int](repeating: 0, count: 64)
            for (k, natural) in JPEGQualityEstimator.zigzagToNatural.enumerated() {
                values[natural] = try segment.uint(offset + 1 + k * size, size: size, bigEndian: true)
            }
            tables[id] = QuantisationTable(values: values, isSixteenBit: precision == 1)
            offset += 1 + 64 * size
        }
    }

    private static func header(frame: JPEGFrame, tables: [Int: QuantisationTable], orientation: Int) -> ImageHeader {
        let luminance = tables[frame.firstTableID] ?? tables[0] ?? tables.min { $0.key < $1.key }?.value
        let quality = luminance.flatMap {
            JPEGQualityEstimator.estimateQuality(luminanceTable: $0.values, saturation: $0.isSixteenBit ? 32767 : 255)
        }
        // Four components are CMYK or YCCK (the Adobe APP14 transform only tells those apart); both decode to CMYK.
        return ImageHeader(
            format: .jpeg, width: frame.width, height: frame.height, bitsPerChannel: frame.precision,
            channels: frame.components, isCMYK: frame.components == 4, orientation: orientation,
            jpegQuality: quality
        )
    }
}
