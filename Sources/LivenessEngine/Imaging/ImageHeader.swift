/// The container formats whose headers `ImageHeader` understands.
public enum ImageFormat: String, Sendable, Codable {
    case jpeg, png, webp, bmp, tiff

    /// The conventional name of the format, for messages.
    var displayName: String {
        switch self {
        case .jpeg: "JPEG"
        case .png: "PNG"
        case .webp: "WebP"
        case .bmp: "BMP"
        case .tiff: "TIFF"
        }
    }
}

/// What an image file says about itself, read from its header bytes without decoding any pixels.
public struct ImageHeader: Sendable, Equatable {
    public var format: ImageFormat
    /// Stored (pre-orientation) pixel width.
    public var width: Int
    /// Stored (pre-orientation) pixel height.
    public var height: Int
    /// Bits per sample (8, 16, or 1/2/4 for low-depth PNG and TIFF); 8 where the format does not say.
    public var bitsPerChannel: Int
    /// 1 grey, 2 grey with alpha, 3 colour, 4 colour with alpha or CMYK, as far as the header says.
    public var channels: Int
    /// True for four-component JPEG (CMYK or YCCK) and TIFF with photometric interpretation 5 (separated).
    public var isCMYK: Bool
    /// EXIF orientation 1...8 (1 when absent or invalid).
    public var orientation: Int
    /// Estimated IJG-equivalent JPEG quality 1...100 from the luminance quantisation table (nil for non-JPEG or no DQT).
    public var jpegQuality: Int?

    /// Makes a header from known values; an orientation outside 1...8 becomes 1.
    public init(
        format: ImageFormat, width: Int, height: Int, bitsPerChannel: Int = 8, channels: Int = 3,
        isCMYK: Bool = false, orientation: Int = 1, jpegQuality: Int? = nil
    ) {
        self.format = format
        self.width = width
        self.height = height
        self.bitsPerChannel = bitsPerChannel
        self.channels = channels
        self.isCMYK = isCMYK
        self.orientation = (1...8).contains(orientation) ? orientation : 1
        self.jpegQuality = jpegQuality
    }

    /// True when the orientation transposes the image (EXIF 5...8), swapping width and height.
    var isTransposed: Bool { (5...8).contains(orientation) }
    /// Width after applying the orientation (orientations 5...8 swap width and height).
    public var orientedWidth: Int { isTransposed ? height : width }
    /// Height after applying the orientation (orientations 5...8 swap width and height).
    public var orientedHeight: Int { isTransposed ? width : height }

    /// Parses only the header bytes; never allocates proportionally to the claimed pixel count.
    ///
    /// Dimensions are reported as claimed, however large: enforcing limits is the caller's job.
    public static func parse(_ bytes: [UInt8]) throws(ImageHeaderError) -> ImageHeader {
        guard !bytes.isEmpty else { throw .empty }
        guard let format = detectFormat(bytes) else { throw .unrecognisedFormat }
        let data = ByteWindow(bytes, format: format)
        switch format {
        case .jpeg: return try parseJPEG(data)
        case .png: return try parsePNG(data)
        case .webp: return try parseWebP(data)
        case .bmp: return try parseBMP(data)
        case .tiff: return try parseTIFF(data)
        }
    }

    /// Signatures; `nil` matches any byte (the RIFF size field).
    private static let signatures: [(ImageFormat, [UInt8?])] = [
        (.jpeg, [0xFF, 0xD8, 0xFF]),
        (.png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        (.webp, [0x52, 0x49, 0x46, 0x46, nil, nil, nil, nil, 0x57, 0x45, 0x42, 0x50]),
        (.bmp, [0x42, 0x4D]),
        (.tiff, [0x49, 0x49, 0x2A, 0x00]),
        (.tiff, [0x4D, 0x4D, 0x00, 0x2A]),
    ]

    /// The format whose signature the bytes carry. Input of two or more bytes that is a proper
    /// prefix of a signature counts as that format, so that parsing reports it as truncated.
    static func detectFormat(_ bytes: [UInt8]) -> ImageFormat? {
        for (format, signature) in signatures {
            let available = min(bytes.count, signature.count)
            guard available == signature.count || available >= 2 else { continue }
            let matches = zip(bytes.prefix(available), signature).allSatisfy { byte, expected in
                expected.map { $0 == byte } ?? true
            }
            if matches { return format }
        }
        return nil
    }
}

/// Why an image header could not be read.
public struct ImageHeaderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The broad category of a failure.
    public enum Kind: Sendable, Equatable {
        case empty, unrecognisedFormat, truncated, malformed
    }

    private enum Storage: Sendable, Equatable {
        case empty
        case unrecognisedFormat
        case truncated(ImageFormat)
        case malformed(ImageFormat, String)
    }

    private let storage: Storage

    /// The input had no bytes at all.
    public static let empty = ImageHeaderError(storage: .empty)
    /// The input starts with no known image signature (text, random bytes, GIF...).
    public static let unrecognisedFormat = ImageHeaderError(storage: .unrecognisedFormat)
    /// The signature is right but the data ends before the header (dimensions, metadata) is complete.
    public static func truncated(_ format: ImageFormat) -> ImageHeaderError {
        ImageHeaderError(storage: .truncated(format))
    }
    /// The header is present but invalid (zero width, impossible field values...).
    public static func malformed(_ format: ImageFormat, _ reason: String) -> ImageHeaderError {
        ImageHeaderError(storage: .malformed(format, reason))
    }

    /// The category of this failure.
    public var kind: Kind {
        switch storage {
        case .empty: .empty
        case .unrecognisedFormat: .unrecognisedFormat
        case .truncated: .truncated
        case .malformed: .malformed
        }
    }

    /// The format the signature named, for truncated and malformed input.
    public var format: ImageFormat? {
        switch storage {
        case .empty, .unrecognisedFormat: nil
        case .truncated(let format), .malformed(let format, _): format
        }
    }

    /// True when the data ended before the header was complete.
    public var isTruncated: Bool { kind == .truncated }
    /// True when the data carries no known image signature.
    public var isUnrecognised: Bool { kind == .unrecognisedFormat }

    /// A precise, human-readable account of the failure.
    public var description: String {
        switch storage {
        case .empty:
            "The image data is empty (zero bytes)."
        case .unrecognisedFormat:
            "The data is not a supported image: no JPEG, PNG, WebP, BMP or TIFF signature."
        case .truncated(let format):
            "The \(format.displayName) data is truncated: it ends before the header is complete."
        case .malformed(let format, let reason):
            "The \(format.displayName) header is malformed: \(reason)."
        }
    }
}

extension ImageHeader {
    /// A bounds-checked view of part of the input. Every read past its end throws `truncated(format)`.
    struct ByteWindow: Sendable {
        let bytes: [UInt8]
        let start: Int
        let count: Int
        let format: ImageFormat

        init(_ bytes: [UInt8], format: ImageFormat) {
            self.bytes = bytes
            self.start = 0
            self.count = bytes.count
            self.format = format
        }

        private init(bytes: [UInt8], start: Int, count: Int, format: ImageFormat) {
            self.bytes = bytes
            self.start = start
            self.count = count
            self.format = format
        }

        /// True when `length` bytes from `offset` lie inside the window (overflow-safe).
        func has(_ offset: Int, _ length: Int) -> Bool {
            offset >= 0 && length >= 0 && offset <= count && length <= count - offset
        }

        /// The `length` bytes from `offset` as a window of their own (no copy).
        func window(_ offset: Int, _ length: Int) throws(ImageHeaderError) -> ByteWindow {
            guard has(offset, length) else { throw .truncated(format) }
            return ByteWindow(bytes: bytes, start: start + offset, count: length, format: format)
        }

        /// Everything from `offset` to the end of the window.
        func suffix(from offset: Int) throws(ImageHeaderError) -> ByteWindow {
            guard has(offset, 0) else { throw .truncated(format) }
            return try window(offset, count - offset)
        }

        func u8(_ offset: Int) throws(ImageHeaderError) -> Int {
            guard has(offset, 1) else { throw .truncated(format) }
            return Int(bytes[start + offset])
        }

        /// An unsigned little- or big-endian integer of 1...4 bytes.
        func uint(_ offset: Int, size: Int, bigEndian: Bool) throws(ImageHeaderError) -> Int {
            guard size >= 1, size <= 4, has(offset, size) else { throw .truncated(format) }
            var value = 0
            for i in 0..<size {
                let byte = Int(bytes[start + offset + (bigEndian ? i : size - 1 - i)])
                value = value << 8 | byte
            }
            return value
        }

        func u16be(_ offset: Int) throws(ImageHeaderError) -> Int { try uint(offset, size: 2, bigEndian: true) }
        func u16le(_ offset: Int) throws(ImageHeaderError) -> Int { try uint(offset, size: 2, bigEndian: false) }
        func u24le(_ offset: Int) throws(ImageHeaderError) -> Int { try uint(offset, size: 3, bigEndian: false) }
        func u32be(_ offset: Int) throws(ImageHeaderError) -> Int { try uint(offset, size: 4, bigEndian: true) }
        func u32le(_ offset: Int) throws(ImageHeaderError) -> Int { try uint(offset, size: 4, bigEndian: false) }

        /// True when the bytes at `offset` equal `expected` (false when they run past the end).
        func matches(_ offset: Int, _ expected: [UInt8]) -> Bool {
            guard has(offset, expected.count) else { return false }
            return bytes[(start + offset)..<(start + offset + expected.count)].elementsEqual(expected)
        }

        /// True when the bytes at `offset` spell the ASCII `text`.
        func matches(_ offset: Int, ascii text: String) -> Bool { matches(offset, Array(text.utf8)) }
    }
}
