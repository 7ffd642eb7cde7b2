import LivenessEngine

/// The checks the engine makes before decoding (format signature, header, size limits), made on
/// an asynchronous request's photo before it is accepted: a client learns at once that its
/// upload is not an image, instead of from a callback. Header only; nothing is decoded.
enum ImagePrecheck {
    struct Problem: Error {
        var tooLarge: Bool
        var message: String
    }

    static func check(_ bytes: [UInt8], limits: ImageLimits) throws(Problem) {
        guard bytes.count <= limits.maximumEncodedBytes else {
            throw Problem(tooLarge: true, message: "the image is \(bytes.count) bytes; the limit is \(limits.maximumEncodedBytes)")
        }
        let header: ImageHeader
        do {
            header = try ImageHeader.parse(bytes)
        } catch {
            throw Problem(tooLarge: false, message: error.kind == .unrecognisedFormat
                ? "not an image in a supported format (JPEG, PNG, WebP, BMP, TIFF)" : "the image header is invalid: \(error)")
        }
        let pixels = header.width * header.height
        guard pixels <= limits.maximumPixels else {
            throw Problem(tooLarge: true, message: "the image is \(header.width)x\(header.height) = \(pixels) pixels; the limit is \(limits.maximumPixels)")
        }
    }
}
