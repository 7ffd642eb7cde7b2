/// A decoded photo: 8-bit BGR pixels with EXIF orientation applied, and what its header said.
public struct DecodedImage: Sendable {
    public let pixels: Mat
    public let header: ImageHeader
    /// Encoded size in bytes.
    public let encodedBytes: Int
}

/// Decodes submitted bytes within `ImageLimits`: size and dimensions are checked from the header
/// first, so a tiny file claiming 40000 x 40000 pixels is refused without allocating them.
public struct ImageDecoder: Sendable {
    public var limits: ImageLimits

    public init(limits: ImageLimits = .init()) { self.limits = limits }

    public func decode(_ bytes: [UInt8]) throws(ImageInputError) -> DecodedImage {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= limits.maximumEncodedBytes else {
            throw .tooLarge("the image is \(bytes.count) bytes; the limit is \(limits.maximumEncodedBytes)")
        }
        let header: ImageHeader
        do {
            header = try ImageHeader.parse(bytes)
        } catch {
            switch error.kind {
            case .empty: throw .empty
            case .unrecognisedFormat: throw .unsupported(error.description)
            case .truncated, .malformed: throw .corrupt(error.description)
            }
        }
        let pixels = header.width * header.height
        guard pixels <= limits.maximumPixels else {
            throw .tooLarge("the image is \(header.width)x\(header.height) = \(pixels) pixels; the limit is \(limits.maximumPixels)")
        }
        guard min(header.width, header.height) >= limits.minimumSide else {
            throw .tooSmall("the image is \(header.width)x\(header.height); each side must be at least \(limits.minimumSide) pixels")
        }
        if header.format == .jpeg && !Self.hasEndOfImageMarker(bytes) {
            throw .corrupt("the JPEG data ends before its end-of-image marker (truncated)")
        }
        OpenCV.configure()
        do {
            let decoded = try Mat.decode(bytes)
            guard decoded.cols == header.width, decoded.rows == header.height else {
                throw ImageInputError.corrupt("the header says \(header.width)x\(header.height) but the data decodes to \(decoded.cols)x\(decoded.rows)")
            }
            return DecodedImage(pixels: try decoded.oriented(exif: header.orientation), header: header, encodedBytes: bytes.count)
        } catch let error as ImageInputError {
            throw error
        } catch let error as OpenCVError {
            throw error.isDecodeFailure ? .corrupt("the \(header.format.rawValue.uppercased()) data could not be decoded") : .corrupt(error.message)
        } catch {
            throw .corrupt("\(error)")
        }
    }

    /// libjpeg decodes a truncated JPEG without failing, filling the rest with grey; a complete
    /// file has an end-of-image marker (FF D9), followed at most by trailing metadata.
    static func hasEndOfImageMarker(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        let lowest = max(1, bytes.count - 1_048_576)
        var i = bytes.count - 1
        while i >= lowest {
            if bytes[i] == 0xD9 && bytes[i - 1] == 0xFF { return true }
            i -= 1
        }
        return false
    }
}
