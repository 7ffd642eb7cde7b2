import Foundation

/// The generator's randomness: SplitMix64, seeded per sample (seed x 1 000 003 + index), so a
/// sample is the same whatever thread draws it and whatever was generated before it.
struct SynthRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64, index: Int) {
        state = seed &* 1_000_003 &+ UInt64(index) &+ 0x9E37_79B9_7F4A_7C15
        _ = next()
    }

    /// An independent stream `stream` (1, 2, ...) for the same sample: parameters added after
    /// corpora were made (glare, backgrounds, manipulations) are drawn from one, so the main
    /// stream's draws, and every image that does not use the addition, stay as they were.
    init(seed: UInt64, index: Int, stream: UInt64) {
        self.init(seed: seed, index: index)
        state ^= stream &* 0xD1B5_4A32_D192_ED03
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() >> 11) / Double(1 << 53)
    }

    mutating func chance(_ probability: Double) -> Bool { uniform(0, 1) < probability }

    mutating func integer(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &self)] }

    /// A child seed for the shim's own generator (noise, textures).
    mutating func seed() -> UInt64 { next() }
}
