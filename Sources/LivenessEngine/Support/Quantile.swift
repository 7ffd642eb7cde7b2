/// Quantiles of small samples.
public enum Quantile {
    /// The value at rank round((n - 1) q) of the sorted values; 0 for an empty sample.
    public static func nearestRank(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(q * Double(sorted.count - 1) + 0.5))]
    }
}
