/// Estimates the IJG (libjpeg) quality setting that would have produced a JPEG luminance quantisation table.
///
/// IJG scales the ITU-T T.81 Annex K luminance table by `s = q < 50 ? 5000 / q : 200 - 2q` percent.
/// The estimator fits `s` to the table by least squares and inverts that mapping.
public enum JPEGQualityEstimator {
    /// The Annex K luminance quantisation table, in natural (row-major) order.
    static let standardLuminance: [Int] = [
        16, 11, 10, 16, 24, 40, 51, 61,
        12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77,
        24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101,
        72, 92, 95, 98, 112, 100, 103, 99,
    ]

    /// `zigzagToNatural[k]` is the natural-order index of the `k`th value stored in a DQT segment.
    static let zigzagToNatural: [Int] = [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ]

    /// The IJG-equivalent quality 1...100 for a luminance table.
    /// - Parameters:
    ///   - table: the 64 quantisation values in natural (row-major, not zigzag) order.
    ///   - saturation: the largest value the table could hold (255 for 8-bit tables, 32767 for IJG's 16-bit ones);
    ///     entries clipped at it carry no scale information and are left out of the fit.
    /// - Returns: nil unless the table is 64 positive values.
    public static func estimateQuality(luminanceTable table: [Int], saturation: Int = 255) -> Int? {
        guard table.count == 64, table.allSatisfy({ $0 > 0 }) else { return nil }
        if table.allSatisfy({ $0 == 1 }) { return 100 }
        let unclipped = table.indices.filter { table[$0] < saturation }
        guard !unclipped.isEmpty else { return 1 }
        // Least squares: minimise Σ (q − s·std/100)², giving s = 100·Σ(q·std) / Σ(std²).
        var numerator = 0.0
        var denominator = 0.0
        for index in unclipped {
            let standard = Double(standardLuminance[index])
            numerator += Double(table[index]) * standard
            denominator += standard * standard
        }
        let scale = 100 * numerator / denominator
        let quality = scale <= 100 ? (200 - scale) / 2 : 5000 / scale
        return Int(min(100, max(1, quality.rounded())))
    }
}
