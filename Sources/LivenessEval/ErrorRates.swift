/// ISO/IEC 30107-3 error rates of one detector on labelled scores.
///
/// Scores are the engine's raw scores (higher = more live) and the decision is the engine's:
/// a sample is accepted as bona fide when its score is strictly above the threshold.
/// - APCER(t): the share of attack presentations accepted (score > t);
/// - BPCER(t): the share of bona fide presentations rejected (score <= t).
public struct ErrorRates: Sendable {
    /// Sorted ascending.
    public let bonaFide: [Double]
    /// Sorted ascending.
    public let attacks: [Double]

    public init(bonaFide: [Double], attacks: [Double]) {
        self.bonaFide = bonaFide.sorted()
        self.attacks = attacks.sorted()
    }

    public func apcer(at threshold: Double) -> Double {
        attacks.isEmpty ? 0 : Double(attacks.count - countAtMost(threshold, in: attacks)) / Double(attacks.count)
    }

    public func bpcer(at threshold: Double) -> Double {
        bonaFide.isEmpty ? 0 : Double(countAtMost(threshold, in: bonaFide)) / Double(bonaFide.count)
    }

    /// The lowest threshold whose APCER is at most `apcer` (so the one with the lowest BPCER).
    /// At most floor(apcer x attacks) attacks may score above it; -infinity when that allows all.
    public func threshold(atAPCER apcer: Double) -> Double {
        let allowed = Int((apcer * Double(attacks.count) + 1e-9).rounded(.down))
        guard allowed < attacks.count else { return -.infinity }
        return attacks[attacks.count - 1 - allowed]
    }

    /// BPCER at the threshold where APCER is at most `apcer` (ISO's BPCER10 / BPCER20 / BPCER100
    /// for 10 %, 5 %, 1 %).
    public func bpcer(atAPCER apcer: Double) -> Double {
        bpcer(at: threshold(atAPCER: apcer))
    }

    /// Equal error rate: the smallest rate that APCER and BPCER reach together,
    /// min over thresholds of max(APCER, BPCER). With finite sets the two rates rarely meet
    /// exactly; this is the conservative reading of where they cross.
    public var equalErrorRate: Double {
        candidateThresholds.map { max(apcer(at: $0), bpcer(at: $0)) }.min() ?? 0
    }

    /// Every threshold at which a rate changes: -infinity and each distinct score.
    public var candidateThresholds: [Double] {
        var values = Array(Set(bonaFide + attacks)).sorted()
        values.insert(-.infinity, at: 0)
        return values
    }

    /// Area under the ROC curve: the probability that a bona fide score exceeds an attack score,
    /// ties counting half (Mann-Whitney).
    public var areaUnderCurve: Double {
        guard !bonaFide.isEmpty, !attacks.isEmpty else { return 0.5 }
        let wins = bonaFide.reduce(0.0) { total, score in
            let below = countAtMost(score.nextDown, in: attacks), notAbove = countAtMost(score, in: attacks)
            return total + Double(below) + 0.5 * Double(notAbove - below)
        }
        return wins / Double(bonaFide.count * attacks.count)
    }

    /// Number of values <= `threshold` in an ascending array.
    private func countAtMost(_ threshold: Double, in sorted: [Double]) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= threshold { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
