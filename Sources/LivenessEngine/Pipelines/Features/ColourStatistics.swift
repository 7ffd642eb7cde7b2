import COpenCVShim

/// Colour and tone statistics of a region: where a display's and a print's gamut differ from a
/// lit, reflective card's.
public struct ColourStatistics: Sendable, Equatable {
    /// Median and 99th-percentile HSV saturation (0-255) of pixels bright enough to have a colour.
    /// Prints lose saturation (subtractive inks, reduced gamut); screens can exceed a card's.
    public var saturationMedian: Double
    public var saturation99: Double
    /// 1st, 50th and 99th percentiles of HSV value. A display's black is raised (backlight
    /// leakage); paper white is duller than a lit laminate's highlights.
    public var value1: Double
    public var value50: Double
    public var value99: Double
    /// Blue-minus-red tint of the brightest 2 %: a display's cold white point or paper under the light.
    public var whiteTint: Double
    /// Fraction of clipped pixels: specular glare on glass or laminate.
    public var clippedFraction: Double
    /// Hasler-Suesstrunk colourfulness: grey copies have almost none.
    public var colourfulness: Double

    public static func measure(_ image: Mat) throws -> ColourStatistics {
        var values = [Float](repeating: 0, count: Int(LV_COLOUR_STATS))
        try values.withUnsafeMutableBufferPointer { buffer in
            try shimCall { lv_colour_stats(image.handle, buffer.baseAddress, $0) }
        }
        let v = values.map(Double.init)
        return ColourStatistics(saturationMedian: v[0], saturation99: v[1], value1: v[2], value50: v[3], value99: v[4],
                                whiteTint: v[5], clippedFraction: v[6], colourfulness: v[7])
    }
}
