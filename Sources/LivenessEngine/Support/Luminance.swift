/// BT.601 luma of an 8-bit BGR pixel, in fixed point (weights 29, 150, 77 of 256).
@inline(__always)
func luma(b: UInt8, g: UInt8, r: UInt8) -> Int {
    (29 * Int(b) + 150 * Int(g) + 77 * Int(r)) >> 8
}

/// Median of the values counted in a 256-bin histogram (the lowest value reaching half the count).
func medianOfHistogram(_ histogram: [Int]) -> Int {
    let total = histogram.reduce(0, +)
    var seen = 0
    for (value, count) in histogram.enumerated() {
        seen += count
        if 2 * seen >= total { return value }
    }
    return histogram.count - 1
}
