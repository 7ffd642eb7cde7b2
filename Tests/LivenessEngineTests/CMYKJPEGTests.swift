import Testing
@testable import LivenessEngine

/// A four-component (Adobe CMYK) JPEG decodes to a correct 8-bit BGR image.
///
/// OpenCV cannot write CMYK JPEGs, so the file is built here: a baseline JPEG of flat blocks, with
/// quantisation tables of ones, each block coded as its DC difference and an end-of-block. Cyan,
/// magenta and yellow are equal, so whatever the ink convention the decoded image must be grey;
/// the black plate differs between the left and the right half, so the image must not be flat.
@Suite struct CMYKJPEGTests {
    @Test func cmykJPEGDecodesToGreyBGR() throws {
        let jpeg = Self.cmykJPEG(blocksWide: 26, blocksHigh: 26)
        let decoded = try ImageDecoder().decode(jpeg)
        #expect(decoded.header.isCMYK)
        #expect(decoded.pixels.cols == 208 && decoded.pixels.rows == 208 && decoded.pixels.channels == 3)
        let (left, right) = decoded.pixels.withBytes { bytes, stride -> ([UInt8], [UInt8]) in
            let row = 100 * stride
            return (Array(bytes[(row + 3 * 20)..<(row + 3 * 20 + 3)]), Array(bytes[(row + 3 * 180)..<(row + 3 * 180 + 3)]))
        }
        for pixel in [left, right] { #expect(pixel.max()! - pixel.min()! <= 2, "grey expected, got \(pixel)") }
        #expect(abs(Int(left[0]) - Int(right[0])) > 20, "the black plate's two halves must differ: \(left) vs \(right)")
    }

    /// C = M = Y = 128 everywhere; K = 128 on the left half of the blocks, 64 on the right.
    static func cmykJPEG(blocksWide: Int, blocksHigh: Int) -> [UInt8] {
        func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
            [0xFF, marker, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
        }
        let height = blocksHigh * 8, width = blocksWide * 8
        var bytes: [UInt8] = [0xFF, 0xD8]
        bytes += segment(0xEE, Array("Adobe".utf8) + [0, 100, 0, 0, 0, 0, 0])  // transform 0: CMYK
        bytes += segment(0xDB, [0x00] + [UInt8](repeating: 1, count: 64))
        bytes += segment(0xC0, [8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 4]
            + (1...4).flatMap { [UInt8($0), 0x11, 0] })
        // DC table 0: only category 0 (code "0"); DC table 1: category 0 ("00") and 10 ("01");
        // AC table 0: only end-of-block (code "0").
        bytes += segment(0xC4, [0x00, 1] + [UInt8](repeating: 0, count: 15) + [0])
        bytes += segment(0xC4, [0x01, 0, 2] + [UInt8](repeating: 0, count: 14) + [0, 10])
        bytes += segment(0xC4, [0x10, 1] + [UInt8](repeating: 0, count: 15) + [0x00])
        bytes += segment(0xDA, [4, 1, 0x00, 2, 0x00, 3, 0x00, 4, 0x10, 0, 63, 0])
        var writer = BitWriter()
        var previousK = 0
        for _ in 0..<blocksHigh {
            for column in 0..<blocksWide {
                for _ in 0..<3 { writer.write(0, count: 2) }  // DC diff 0 ("0"), end of block ("0")
                // DC of a flat block = 8 x (level - 128) with a quantiser of 1.
                let k = column < blocksWide / 2 ? 0 : 8 * (64 - 128)
                let difference = k - previousK
                previousK = k
                if difference == 0 {
                    writer.write(0b00, count: 2)
                } else {
                    writer.write(0b01, count: 2)
                    writer.write(difference > 0 ? difference : difference + 1023, count: 10)
                }
                writer.write(0, count: 1)
            }
        }
        return bytes + writer.finish() + [0xFF, 0xD9]
    }

    /// MSB-first bit packing with JPEG byte stuffing (0xFF is followed by 0x00) and 1-bit padding.
    struct BitWriter {
        private var bytes: [UInt8] = []
        private var current = 0, used = 0

        mutating func write(_ value: Int, count: Int) {
            for bit in stride(from: count - 1, through: 0, by: -1) {
                current = (current << 1) | ((value >> bit) & 1)
                used += 1
                if used == 8 { flush() }
            }
        }

        mutating func finish() -> [UInt8] {
            while used != 0 { write(1, count: 1) }
            return bytes
        }

        private mutating func flush() {
            bytes.append(UInt8(current))
            if current == 0xFF { bytes.append(0) }
            current = 0
            used = 0
        }
    }
}
