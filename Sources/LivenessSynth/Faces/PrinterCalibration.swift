import COpenCVShim
import Foundation
import LivenessEngine

/// A printer driver's grey balance, found the way a print shop finds it: print a neutral ramp
/// with the very screening, inks, dot gain and paper of the job, measure each patch, and invert
/// the measured response channel by channel so greys print grey (the inks' impurities would
/// otherwise tint them warm). What the inks cannot reach stays out of reach: the calibrated
/// print keeps the process's gamut and contrast loss, and only its colour cast is removed.
struct PrinterCalibration {
    /// 256 input values per channel (B, G, R) for `lv_synth_curves`.
    let table: [UInt8]

    static let levels = 33, patch = 24

    /// - Parameter print: prints a raster with the job's settings.
    init(print: (Mat) throws -> Mat) throws {
        var curves = (0..<3).map { _ in (0..<Self.levels).map { Double($0) * 255 / Double(Self.levels - 1) } }
        var response: [[Double]] = []
        // Two rounds: measure the neutral ramp as the curves print it, correct, measure again.
        for _ in 0..<2 {
            response = try Self.measure(curves: curves, print: print)
            let white = response.map { $0.last! }.min()!, black = response.map { $0.first! }.max()!
            for channel in 0..<3 {
                let measured = response[channel], inputs = curves[channel]
                curves[channel] = (0..<Self.levels).map { level in
                    let target = black + (white - black) * Double(level) / Double(Self.levels - 1)
                    return Self.interpolate(target, xs: measured, ys: inputs)
                }
            }
        }
        table = curves.flatMap { curve in
            (0..<256).map { value in
                let position = Double(value) / 255 * Double(Self.levels - 1)
                let i = min(Self.levels - 2, Int(position)), t = position - Double(i)
                return UInt8(max(0, min(255, (curve[i] + t * (curve[i + 1] - curve[i])).rounded())))
            }
        }
    }

    func apply(to image: Mat) throws -> Mat {
        try Mat.make { lv_synth_curves(image.handle, table, $0, $1) }
    }

    /// Mean printed value (B, G, R) of each patch of a neutral ramp sent through `curves`.
    private static func measure(curves: [[Double]], print: (Mat) throws -> Mat) throws -> [[Double]] {
        var bytes = [UInt8](repeating: 0, count: levels * patch * patch * 3)
        for level in 0..<levels {
            for y in 0..<patch {
                for x in 0..<patch {
                    for channel in 0..<3 {
                        bytes[((y * levels * patch) + level * patch + x) * 3 + channel] = UInt8(max(0, min(255, curves[channel][level].rounded())))
                    }
                }
            }
        }
        let printed = try print(try Mat(width: levels * patch, height: patch, channels: 3, bytes: bytes)).packedBytes()
        var sums = [[Double]](repeating: [Double](repeating: 0, count: levels), count: 3)
        // The inner part of each patch (the dots' spread blurs the borders between patches).
        let inner = 4..<(patch - 4)
        for level in 0..<levels {
            for y in inner {
                for x in inner {
                    for channel in 0..<3 { sums[channel][level] += Double(printed[((y * levels * patch) + level * patch + x) * 3 + channel]) }
                }
            }
        }
        let count = Double(inner.count * inner.count)
        return sums.map { $0.map { $0 / count } }
    }

    /// The input at which a rising measured response reaches `target` (linear between samples).
    private static func interpolate(_ target: Double, xs: [Double], ys: [Double]) -> Double {
        // Make the response non-decreasing (noise on the patches).
        var rising = xs
        for i in 1..<rising.count { rising[i] = max(rising[i], rising[i - 1] + 1e-6) }
        if target <= rising[0] { return ys[0] }
        for i in 1..<rising.count where target <= rising[i] {
            let t = (target - rising[i - 1]) / (rising[i] - rising[i - 1])
            return ys[i - 1] + t * (ys[i] - ys[i - 1])
        }
        return ys.last!
    }
}
