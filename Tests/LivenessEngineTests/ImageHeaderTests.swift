import Testing
@testable import LivenessEngine
import LivenessTestSupport

// MARK: - Byte builders (hand-made headers; no image files needed)

private func be16(_ v: Int) -> [UInt8] { [8, 0].map { UInt8(v >> $0 & 0xFF) } }
private func be32(_ v: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8(v >> $0 & 0xFF) } }
private func le16(_ v: Int) -> [UInt8] { [0, 8].map { UInt8(v >> $0 & 0xFF) } }
private func le24(_ v: Int) -> [UInt8] { [0, 8, 16].map { UInt8(v >> $0 & 0xFF) } }
private func le32(_ v: Int) -> [UInt8] { [0, 8, 16, 24].map { UInt8(v >> $0 & 0xFF) } }
private func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

/// A TIFF stream: header, then IFD0 at offset 8 with SHORT (3) or LONG (4) entries; values longer than
/// four bytes go after the IFD.
private func makeTIFF(bigEndian: Bool, _ entries: [(tag: Int, type: Int, values: [Int])]) -> [UInt8] {
    let u16 = bigEndian ? be16 : le16
    let u32 = bigEndian ? be32 : le32
    var bytes = bigEndian ? ascii("MM") + u16(42) + u32(8) : ascii("II") + u16(42) + u32(8)
    var extra: [UInt8] = []
    let extraStart = 8 + 2 + 12 * entries.count + 4
    bytes += u16(entries.count)
    for entry in entries {
        var encoded = entry.values.flatMap { entry.type == 3 ? u16($0) : u32($0) }
        bytes += u16(entry.tag) + u16(entry.type) + u32(entry.values.count)
        if encoded.count <= 4 {
            encoded += [UInt8](repeating: 0, count: 4 - encoded.count)
            bytes += encoded
        } else {
            bytes += u32(extraStart + extra.count)
            extra += encoded
        }
    }
    return bytes + u32(0) + extra
}

private func exif(orientation: Int, bigEndian: Bool = true) -> [UInt8] {
    makeTIFF(bigEndian: bigEndian, [(274, 3, [orientation])])
}

private func pngChunk(_ type: String, _ payload: [UInt8]) -> [UInt8] {
    be32(payload.count) + ascii(type) + payload + [0, 0, 0, 0]  // CRC not checked
}

/// Signature, IHDR, optional eXIf, an empty IDAT and IEND. The header is complete after 41 bytes.
private func makePNG(width: Int, height: Int, depth: Int = 8, colourType: Int = 2, exifBlock: [UInt8]? = nil) -> [UInt8] {
    var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    bytes += pngChunk("IHDR", be32(width) + be32(height) + [UInt8(depth), UInt8(colourType), 0, 0, 0])
    if let exifBlock { bytes += pngChunk("eXIf", exifBlock) }
    return bytes + pngChunk("IDAT", []) + pngChunk("IEND", [])
}

/// The Annex K luminance table (natural order), as IJG's jcparam.c uses it.
private let annexK: [Int] = [
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
]

/// IJG's quality scaling (jpeg_quality_scaling + jpeg_add_quant_table with force_baseline).
private func ijgTable(quality: Int, limit: Int = 255) -> [Int] {
    let scale = quality < 50 ? 5000 / quality : 200 - 2 * quality
    return annexK.map { min(max(($0 * scale + 50) / 100, 1), limit) }
}

/// Natural-order index of each zigzag position, built by walking the anti-diagonals.
private let zigzag: [Int] = (0..<15).flatMap { sum -> [Int] in
    let cells = (0...sum).filter { $0 < 8 && sum - $0 < 8 }.map { row in row * 8 + (sum - row) }
    return sum % 2 == 0 ? cells.reversed() : cells
}

private func jpegSegment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
    [0xFF, marker] + be16(payload.count + 2) + payload
}

/// SOI, [APP1 Exif], [APP14 Adobe], COM, DQT (chroma table 1 first, then luminance table 0), [fill], SOFn, SOS, scan, EOI.
private func makeJPEG(
    width: Int, height: Int, components: Int = 3, sof: UInt8 = 0xC0, quality: Int? = 75,
    sixteenBitTable: Bool = false, orientation: Int? = nil, adobe: Bool = false, fillBytes: Bool = false
) -> [UInt8] {
    var bytes: [UInt8] = [0xFF, 0xD8]
    if let orientation { bytes += jpegSegment(0xE1, ascii("Exif") + [0, 0] + exif(orientation: orientation)) }
    if adobe { bytes += jpegSegment(0xEE, ascii("Adobe") + [0, 100, 0, 0, 0, 0, 2]) }
    bytes += jpegSegment(0xFE, ascii("made by hand"))
    if let quality {
        let luminance = ijgTable(quality: quality, limit: sixteenBitTable ? 32767 : 255)
        let chroma = [UInt8](repeating: 99, count: 64)
        let zigzagged = zigzag.flatMap { sixteenBitTable ? be16(luminance[$0]) : [UInt8(luminance[$0])] }
        bytes += jpegSegment(0xDB, [0x01] + chroma + [sixteenBitTable ? 0x10 : 0x00] + zigzagged)
    }
    if fillBytes { bytes += [0xFF, 0xFF, 0xFF] }
    var frame: [UInt8] = [8] + be16(height) + be16(width) + [UInt8(components)]
    for id in 1...components { frame += [UInt8(id), 0x11, id == 1 ? 0 : 1] }
    bytes += jpegSegment(sof, frame)
    bytes += jpegSegment(0xDA, [UInt8(components)] + (1...components).flatMap { [UInt8($0), 0] } + [0, 63, 0])
    return bytes + [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD9]
}

private func riff(_ chunks: [UInt8]) -> [UInt8] { ascii("RIFF") + le32(4 + chunks.count) + ascii("WEBP") + chunks }
private func webPChunk(_ fourCC: String, _ payload: [UInt8]) -> [UInt8] {
    ascii(fourCC) + le32(payload.count) + payload + (payload.count % 2 == 1 ? [0] : [])
}
private func vp8Chunk(width: Int, height: Int) -> [UInt8] {
    // Key-frame tag, start code, sizes with the 2-bit scale fields set (they must be masked off).
    webPChunk("VP8 ", [0x50, 0x02, 0x00, 0x9D, 0x01, 0x2A] + le16(width | 0x4000) + le16(height | 0x8000) + [0, 0])
}
private func makeVP8L(width: Int, height: Int, alpha: Bool) -> [UInt8] {
    riff(webPChunk("VP8L", [0x2F] + le32((width - 1) | (height - 1) << 14 | (alpha ? 1 << 28 : 0)) + [0, 0, 0]))
}
private func makeVP8X(width: Int, height: Int, orientation: Int) -> [UInt8] {
    let vp8x = webPChunk("VP8X", [0x18, 0, 0, 0] + le24(width - 1) + le24(height - 1))
    return riff(vp8x + vp8Chunk(width: width, height: height) + webPChunk("EXIF", exif(orientation: orientation, bigEndian: false)))
}

private func makeBMP(width: Int, height: Int, bitsPerPixel: Int = 24, dibSize: Int = 40, alphaMask: Int = 0) -> [UInt8] {
    var dib = le32(dibSize)
    if dibSize == 12 {
        dib += le16(width) + le16(height) + le16(1) + le16(bitsPerPixel)
    } else {
        dib += le32(width) + le32(height) + le16(1) + le16(bitsPerPixel)
        dib += [UInt8](repeating: 0, count: dibSize - dib.count)
        if dibSize >= 56 { dib.replaceSubrange(52..<56, with: le32(alphaMask)) }
    }
    return ascii("BM") + le32(14 + dib.count) + [0, 0, 0, 0] + le32(14 + dib.count) + dib
}

private func makeTIFFImage(bigEndian: Bool, width: Int, height: Int, photometric: Int = 2, samples: Int = 3, orientation: Int = 1) -> [UInt8] {
    makeTIFF(bigEndian: bigEndian, [
        (256, 4, [width]), (257, 3, [height]), (258, 3, [8]), (262, 3, [photometric]),
        (274, 3, [orientation]), (277, 3, [samples]),
    ])
}

/// A well-formed header and the number of leading bytes that parsing needs.
struct HeaderSample: Sendable, CustomTestStringConvertible {
    let name: String
    let format: ImageFormat
    let bytes: [UInt8]
    let required: Int
    var testDescription: String { name }

    static let all: [HeaderSample] = {
        let jpeg = makeJPEG(width: 800, height: 600, orientation: 6)
        let sos = (0..<(jpeg.count - 1)).first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xDA } ?? 0
        return [
            HeaderSample(name: "PNG", format: .png, bytes: makePNG(width: 640, height: 480), required: 41),
            HeaderSample(name: "JPEG", format: .jpeg, bytes: jpeg, required: sos + 2),
            HeaderSample(name: "WebP VP8", format: .webp, bytes: riff(vp8Chunk(width: 320, height: 240)), required: 30),
            HeaderSample(name: "WebP VP8L", format: .webp, bytes: makeVP8L(width: 320, height: 240, alpha: true), required: 25),
            HeaderSample(name: "WebP VP8X", format: .webp, bytes: makeVP8X(width: 320, height: 240, orientation: 6), required: 30),
            HeaderSample(name: "BMP info", format: .bmp, bytes: makeBMP(width: 64, height: -32), required: 54),
            HeaderSample(name: "BMP core", format: .bmp, bytes: makeBMP(width: 64, height: 32, dibSize: 12), required: 26),
            HeaderSample(name: "TIFF II", format: .tiff, bytes: makeTIFFImage(bigEndian: false, width: 300, height: 200), required: 82),
            HeaderSample(name: "TIFF MM", format: .tiff, bytes: makeTIFFImage(bigEndian: true, width: 300, height: 200), required: 82),
        ]
    }()
}

// MARK: - Tests

@Suite("Image headers")
struct ImageHeaderTests {
    @Test func pngDimensionsAndChannels() throws {
        let header = try ImageHeader.parse(makePNG(width: 640, height: 480))
        #expect(header == ImageHeader(format: .png, width: 640, height: 480, bitsPerChannel: 8, channels: 3))
        #expect(try ImageHeader.parse(makePNG(width: 5, height: 7, colourType: 6)).channels == 4)
        #expect(try ImageHeader.parse(makePNG(width: 5, height: 7, depth: 4, colourType: 3)).bitsPerChannel == 8)
    }

    @Test func pngHugeClaimIsReportedNotAllocated() throws {
        let header = try ImageHeader.parse(makePNG(width: 40000, height: 40000))
        #expect(header.width == 40000 && header.height == 40000)
    }

    @Test func pngSixteenBitAndGrey() throws {
        #expect(try ImageHeader.parse(makePNG(width: 10, height: 10, depth: 16)).bitsPerChannel == 16)
        let grey = try ImageHeader.parse(makePNG(width: 10, height: 10, colourType: 0))
        #expect(grey.channels == 1 && grey.bitsPerChannel == 8)
    }

    @Test func pngEXIfOrientation() throws {
        let header = try ImageHeader.parse(makePNG(width: 640, height: 480, exifBlock: exif(orientation: 8, bigEndian: false)))
        #expect(header.orientation == 8)
        #expect(header.orientedWidth == 480 && header.orientedHeight == 640)
    }

    @Test func jpegDimensionsOrientationAndQuality() throws {
        let header = try ImageHeader.parse(makeJPEG(width: 800, height: 600, orientation: 6))
        #expect(header.format == .jpeg && header.width == 800 && header.height == 600)
        #expect(header.channels == 3 && header.bitsPerChannel == 8 && !header.isCMYK)
        #expect(header.orientation == 6)
        #expect(header.orientedWidth == 600 && header.orientedHeight == 800)
        #expect(header.jpegQuality.map { abs($0 - 75) <= 2 } == true)
    }

    @Test func jpegFillBytesProgressiveAndNoTables() throws {
        let padded = try ImageHeader.parse(makeJPEG(width: 17, height: 9, sof: 0xC2, fillBytes: true))
        #expect(padded.width == 17 && padded.height == 9 && padded.orientation == 1)
        let grey = try ImageHeader.parse(makeJPEG(width: 17, height: 9, components: 1, quality: nil))
        #expect(grey.channels == 1 && grey.jpegQuality == nil)
    }

    @Test func jpegCMYK() throws {
        let header = try ImageHeader.parse(makeJPEG(width: 120, height: 80, components: 4, adobe: true))
        #expect(header.isCMYK && header.channels == 4)
    }

    @Test(arguments: [30, 50, 75, 90, 95])
    func jpegQualityFromDQT(quality: Int) throws {
        for sixteenBit in [false, true] {
            let header = try ImageHeader.parse(makeJPEG(width: 8, height: 8, quality: quality, sixteenBitTable: sixteenBit))
            let estimate = try #require(header.jpegQuality)
            #expect(abs(estimate - quality) <= 2, "estimated \(estimate) for \(quality), 16-bit \(sixteenBit)")
        }
    }

    @Test func qualityEstimatorOnIJGTables() {
        #expect(JPEGQualityEstimator.zigzagToNatural == zigzag)
        #expect(JPEGQualityEstimator.standardLuminance == annexK)
        for quality in [5, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 95, 100] {
            let estimate = JPEGQualityEstimator.estimateQuality(luminanceTable: ijgTable(quality: quality))
            #expect(estimate.map { abs($0 - quality) <= 2 } == true, "estimated \(String(describing: estimate)) for \(quality)")
        }
        #expect(JPEGQualityEstimator.estimateQuality(luminanceTable: [Int](repeating: 255, count: 64)) == 1)
        #expect(JPEGQualityEstimator.estimateQuality(luminanceTable: [1, 2, 3]) == nil)
    }

    @Test func webPVariants() throws {
        let lossy = try ImageHeader.parse(riff(vp8Chunk(width: 320, height: 240)))
        #expect(lossy == ImageHeader(format: .webp, width: 320, height: 240))
        let lossless = try ImageHeader.parse(makeVP8L(width: 16383, height: 1, alpha: true))
        #expect(lossless.width == 16383 && lossless.height == 1 && lossless.channels == 4)
        let extended = try ImageHeader.parse(makeVP8X(width: 5000, height: 3000, orientation: 6))
        #expect(extended.width == 5000 && extended.height == 3000 && extended.channels == 4)
        #expect(extended.orientation == 6 && extended.orientedWidth == 3000)
    }

    @Test func bmpHeaders() throws {
        #expect(try ImageHeader.parse(makeBMP(width: 64, height: -32)) == ImageHeader(format: .bmp, width: 64, height: 32))
        #expect(try ImageHeader.parse(makeBMP(width: 300, height: 200, dibSize: 12)).width == 300)
        let alpha = try ImageHeader.parse(makeBMP(width: 2, height: 2, bitsPerPixel: 32, dibSize: 124, alphaMask: 0xFF00_0000))
        #expect(alpha.channels == 4)
    }

    @Test func tiffBothByteOrders() throws {
        for bigEndian in [false, true] {
            let header = try ImageHeader.parse(makeTIFFImage(bigEndian: bigEndian, width: 70000, height: 200, orientation: 5))
            #expect(header.width == 70000 && header.height == 200 && header.channels == 3 && header.bitsPerChannel == 8)
            #expect(header.orientation == 5 && header.orientedWidth == 200 && !header.isCMYK)
        }
        let cmyk = try ImageHeader.parse(makeTIFFImage(bigEndian: true, width: 4, height: 4, photometric: 5, samples: 4))
        #expect(cmyk.isCMYK && cmyk.channels == 4)
        // BitsPerSample with three values lives after the IFD; cutting it off is truncation.
        let outOfLine = makeTIFF(bigEndian: false, [(256, 3, [9]), (257, 3, [9]), (258, 3, [16, 16, 16])])
        #expect(try ImageHeader.parse(outOfLine).bitsPerChannel == 16)
        #expect(throws: ImageHeaderError.truncated(.tiff)) { try ImageHeader.parse(Array(outOfLine.dropLast(6))) }
    }

    @Test func tiffAbsurdEntryCountAndOffsets() {
        let hugeCount = ascii("II") + le16(42) + le32(8) + le16(0xFFFF) + [UInt8](repeating: 0, count: 40)
        #expect(throws: ImageHeaderError.truncated(.tiff)) { try ImageHeader.parse(hugeCount) }
        let farIFD = ascii("MM") + be16(42) + be32(0xFFFF_FFF0) + [0, 0]
        #expect(throws: ImageHeaderError.truncated(.tiff)) { try ImageHeader.parse(farIFD) }
    }

    @Test func invalidEXIFOrientationIsOne() throws {
        let header = try ImageHeader.parse(makeJPEG(width: 10, height: 20, orientation: 9))
        #expect(header.orientation == 1 && header.orientedWidth == 10)
    }

    @Test(arguments: HeaderSample.all)
    func everyPrefixBeforeTheHeaderEndIsTruncated(sample: HeaderSample) throws {
        for length in 2..<sample.required {
            #expect(throws: ImageHeaderError.truncated(sample.format), "prefix of \(length) bytes") {
                try ImageHeader.parse(Array(sample.bytes.prefix(length)))
            }
        }
        #expect(try ImageHeader.parse(Array(sample.bytes.prefix(sample.required))).format == sample.format)
        #expect(try ImageHeader.parse(sample.bytes).format == sample.format)
    }

    @Test func emptyAndUnrecognised() {
        #expect(throws: ImageHeaderError.empty) { try ImageHeader.parse([]) }
        #expect(throws: ImageHeaderError.unrecognisedFormat) { try ImageHeader.parse(ascii("hello world")) }
        #expect(throws: ImageHeaderError.unrecognisedFormat) { try ImageHeader.parse(ascii("GIF89a") + [1, 0, 1, 0]) }
        #expect(throws: ImageHeaderError.unrecognisedFormat) { try ImageHeader.parse([0xFF]) }
        var generator = SplitMix(seed: 42)
        let noise = (0..<512).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(throws: ImageHeaderError.unrecognisedFormat) { try ImageHeader.parse(noise) }
    }

    @Test func zeroDimensionsAreMalformed() {
        let cases: [(ImageFormat, [UInt8])] = [
            (.png, makePNG(width: 0, height: 10)),
            (.jpeg, makeJPEG(width: 10, height: 0)),
            (.bmp, makeBMP(width: 10, height: 0)),
            (.webp, riff(vp8Chunk(width: 0, height: 10))),
            (.tiff, makeTIFFImage(bigEndian: false, width: 0, height: 10)),
        ]
        for (format, bytes) in cases {
            do throws(ImageHeaderError) {
                let header = try ImageHeader.parse(bytes)
                Issue.record("parsed \(header) from a zero-sized \(format) header")
            } catch {
                #expect(error.kind == .malformed && error.format == format)
                #expect(error.description.contains(format.displayName))
            }
        }
    }

    @Test func errorDescriptions() {
        #expect(ImageHeaderError.truncated(.webp).description.contains("WebP"))
        #expect(ImageHeaderError.truncated(.webp).isTruncated && !ImageHeaderError.empty.isTruncated)
        #expect(ImageHeaderError.unrecognisedFormat.isUnrecognised)
        #expect(ImageHeaderError.malformed(.png, "bad depth").description.contains("bad depth"))
    }

    /// Random corruption must never trap, and anything accepted must be sane.
    @Test func corruptedHeadersNeverCrash() {
        var generator = SplitMix(seed: 7)
        for sample in HeaderSample.all {
            for _ in 0..<400 {
                var bytes = sample.bytes
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    let index = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes[index] = UInt8.random(in: 0...255, using: &generator)
                }
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator)))
                if let header = try? ImageHeader.parse(bytes) {
                    #expect(header.width > 0 && header.height > 0 && (1...8).contains(header.orientation))
                    #expect(header.jpegQuality.map { (1...100).contains($0) } ?? true)
                }
            }
        }
    }
}
