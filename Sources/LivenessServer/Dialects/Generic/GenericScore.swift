import Foundation
import LivenessEngine

/// The generic API's `score` in [0, 1] from a pipeline's raw score: monotone, with knots at the
/// operating points — SOFT -> 0.25, REGULAR -> 0.5, HARD -> 0.75 — so the documented default
/// threshold 0.25 is the SOFT point (APCER 10 %) and "review 0.25-0.5" is the band between SOFT
/// and REGULAR (DESIGN.md). Linear between knots; beyond SOFT and HARD the pipeline's own
/// logistic (its calibration slope) carries the score towards 0 and 1:
///
///     s <= soft:          0.5 * sigma(slope * (s - soft))
///     soft < s <= hard:   linear through (soft, 0.25), (regular, 0.5), (hard, 0.75)
///     s > hard:           0.75 + 0.25 * (2 * sigma(slope * (s - hard)) - 1)
enum GenericScore {
    static func score(raw: Double, points: OperatingPoints) -> Double {
        let knots = [points.soft, points.regular, points.hard].sorted()
        let (soft, regular, hard) = (knots[0], knots[1], knots[2])
        func sigma(_ x: Double) -> Double { 1 / (1 + exp(-points.slope * x)) }
        let value: Double
        if raw <= soft {
            value = 0.5 * sigma(raw - soft)
        } else if raw <= regular {
            value = 0.25 + 0.25 * (raw - soft) / (regular - soft)
        } else if raw <= hard {
            value = 0.5 + 0.25 * (raw - regular) / (hard - regular)
        } else {
            value = 0.75 + 0.25 * (2 * sigma(raw - hard) - 1)
        }
        return (value * 1e7).rounded() / 1e7
    }
}
