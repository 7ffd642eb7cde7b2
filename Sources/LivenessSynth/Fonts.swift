import Foundation

/// Typefaces from Debian's font packages (installed by `scripts/setup`): DejaVu for text, OCR-B
/// (`fonts-ocr-b`, the ICAO 9303 machine-readable-zone typeface) for MRZ lines.
struct Fonts: Sendable {
    var sans: String
    var sansBold: String
    var serif: String
    var condensed: String
    var mrz: String

    static func locate() throws(SynthError) -> Fonts {
        func first(_ paths: [String]) throws(SynthError) -> String {
            guard let found = paths.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                throw SynthError("no font at \(paths.joined(separator: " or ")); run scripts/setup (fonts-dejavu-core, fonts-dejavu-extra, fonts-ocr-b)")
            }
            return found
        }
        let dejavu = "/usr/share/fonts/truetype/dejavu/"
        return Fonts(sans: try first([dejavu + "DejaVuSans.ttf"]),
                     sansBold: try first([dejavu + "DejaVuSans-Bold.ttf"]),
                     serif: try first([dejavu + "DejaVuSerif.ttf", dejavu + "DejaVuSans.ttf"]),
                     condensed: try first([dejavu + "DejaVuSansCondensed.ttf", dejavu + "DejaVuSans.ttf"]),
                     mrz: try first(["/usr/share/fonts/opentype/ocr-b/OCRB.otf", dejavu + "DejaVuSansMono.ttf"]))
    }
}

public struct SynthError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
