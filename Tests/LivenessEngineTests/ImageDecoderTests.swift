import COpenCVShim
import Foundation
import Testing
@testable import LivenessEngine
import LivenessTestSupport

/// Bad input gets its typed error, or a correct decode; nothing crashes, hangs or allocates the claimed size.
@Suite struct ImageDecoderTests {
    let decoder = ImageDecoder()

    private func kind(_ bytes: [UInt8], decoder: ImageDecoder? = nil) -> ImageInputError.Kind? {
        do {
            _ = try (decoder ?? self.decoder).decode(bytes)
            return nil
        } catch {
            return error.kind
        }
    }

    private func encoded(width: Int, height: Int, channels: Int = 3, as fileExtension: String, quality: Int = 90) throws -> [UInt8] {
        var generator = SplitMix(seed: 3)
        let pixels = (0..<(width * height * channels)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        return try Mat(width: width, height: height, channels: channels, bytes: pixels).encoded(as: fileExtension, quality: quality)
    }

    @Test func emptyInput() { #expect(kind([]) == .empty) }

    @Test func textAndRandomBytesAreNotImages() {
        #expect(kind(Array("hello, this is not an image\n".utf8)) == .unsupportedFormat)
        var generator = SplitMix(seed: 11)
        #expect(kind((0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }) == .unsupportedFormat)
    }

    @Test func truncatedJPEGIsCorrupt() throws {
        let jpeg = try encoded(width: 640, height: 480, as: ".jpg")
        #expect(kind(jpeg) == nil)
        #expect(kind(Array(jpeg.prefix(jpeg.count / 2))) == .corrupt)
        #expect(kind(Array(jpeg.prefix(40))) == .corrupt)
    }

    @Test func hugeClaimedDimensionsAreRefusedFromTheHeader() {
        // A 33-byte PNG header (signature + IHDR) claiming 40000 x 40000 pixels, with no data.
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
        png += [0x00, 0x00, 0x9C, 0x40, 0x00, 0x00, 0x9C, 0x40, 8, 2, 0, 0, 0, 0, 0, 0, 0]
        png += [0, 0, 0, 0, 0x49, 0x44, 0x41, 0x54, 0, 0, 0, 0]
        #expect(kind(png) == .tooLarge)
    }

    @Test func encodedSizeLimit() throws {
        let jpeg = try encoded(width: 640, height: 480, as: ".jpg")
        #expect(kind(jpeg, decoder: ImageDecoder(limits: ImageLimits(maximumEncodedBytes: jpeg.count - 1))) == .tooLarge)
    }

    @Test func tinyImageIsTooSmall() throws {
        #expect(kind(try encoded(width: 1, height: 1, as: ".png")) == .tooSmall)
    }

    @Test("PNG, WebP, BMP, TIFF and JPEG decode to BGR", arguments: [".png", ".webp", ".bmp", ".tiff", ".jpg"])
    func formatsDecode(fileExtension: String) throws {
        let image = try decoder.decode(try encoded(width: 320, height: 240, as: fileExtension))
        #expect(image.pixels.cols == 320 && image.pixels.rows == 240 && image.pixels.channels == 3)
    }

    @Test func greyscaleImageDecodesToThreeChannels() throws {
        let image = try decoder.decode(try encoded(width: 300, height: 200, channels: 1, as: ".jpg"))
        #expect(image.pixels.channels == 3)
    }

    @Test func sixteenBitPNGDecodesToEightBits() throws {
        let values = [UInt16](repeating: 40000, count: 300 * 200 * 3)
        var handle: OpaquePointer?
        var error = lv_error()
        let status = values.withUnsafeBytes { lv_mat_from_pixels(200, 300, 3, 2, $0.baseAddress, 300 * 6, &handle, &error) }
        try #require(status == 0)
        let png = try Mat(handle: handle!).encoded(as: ".png")
        #expect(try ImageHeader.parse(png).bitsPerChannel == 16)
        let image = try decoder.decode(png)
        #expect(image.pixels.depth == 0)
        let first = image.pixels.withBytes { bytes, _ in bytes[0] }
        #expect(abs(Int(first) - 40000 / 257) <= 1)
    }

    @Test func exifOrientationIsApplied() throws {
        // A JPEG whose APP1 Exif says orientation 6 (rotate 90 degrees clockwise to display).
        let jpeg = try encoded(width: 400, height: 240, as: ".jpg")
        let exif: [UInt8] = [0xFF, 0xE1, 0x00, 0x22] + Array("Exif".utf8) + [0, 0]
            + [0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]
        let rotated = Array(jpeg.prefix(2)) + exif + Array(jpeg.dropFirst(2))
        let image = try decoder.decode(rotated)
        #expect(image.header.orientation == 6)
        #expect(image.pixels.cols == 240 && image.pixels.rows == 400)
    }
}
