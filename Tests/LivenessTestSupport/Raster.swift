@testable import LivenessEngine

/// A mutable 8-bit BGR raster for building test scenes with known geometry.
public struct Raster: Sendable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, fill: (b: UInt8, g: UInt8, r: UInt8) = (255, 255, 255)) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 3)
        for i in 0..<(width * height) {
            pixels[3 * i] = fill.b; pixels[3 * i + 1] = fill.g; pixels[3 * i + 2] = fill.r
        }
    }

    public init(_ mat: Mat) {
        width = mat.cols
        height = mat.rows
        precondition(mat.channels == 3, "a raster holds BGR pixels")
        pixels = mat.packedBytes()
    }

    public func mat() throws -> Mat { try Mat(width: width, height: height, channels: 3, bytes: pixels) }

    public mutating func set(_ x: Int, _ y: Int, _ b: Double, _ g: Double, _ r: Double) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = 3 * (y * width + x)
        pixels[i] = UInt8(max(0, min(255, b))); pixels[i + 1] = UInt8(max(0, min(255, g))); pixels[i + 2] = UInt8(max(0, min(255, r)))
    }

    public mutating func fillRect(x: Int, y: Int, width w: Int, height h: Int, _ color: (Double, Double, Double)) {
        for yy in y..<(y + h) { for xx in x..<(x + w) { set(xx, yy, color.0, color.1, color.2) } }
    }

    /// Copies `other` into this raster with its top-left at (x, y).
    public mutating func paste(_ other: Raster, x: Int, y: Int) {
        for yy in 0..<other.height {
            for xx in 0..<other.width {
                let i = 3 * (yy * other.width + xx)
                set(x + xx, y + yy, Double(other.pixels[i]), Double(other.pixels[i + 1]), Double(other.pixels[i + 2]))
            }
        }
    }

    /// Multiplies each channel (a lighting tint).
    public mutating func tint(b: Double, g: Double, r: Double) {
        for i in 0..<(width * height) {
            pixels[3 * i] = UInt8(min(255, Double(pixels[3 * i]) * b))
            pixels[3 * i + 1] = UInt8(min(255, Double(pixels[3 * i + 1]) * g))
            pixels[3 * i + 2] = UInt8(min(255, Double(pixels[3 * i + 2]) * r))
        }
    }

    /// Grey copy: luminance in all channels.
    public func greyscale() -> Raster {
        var copy = self
        for i in 0..<(width * height) {
            let l = (Int(pixels[3 * i]) * 114 + Int(pixels[3 * i + 1]) * 587 + Int(pixels[3 * i + 2]) * 299) / 1000
            copy.pixels[3 * i] = UInt8(l); copy.pixels[3 * i + 1] = UInt8(l); copy.pixels[3 * i + 2] = UInt8(l)
        }
        return copy
    }
}
