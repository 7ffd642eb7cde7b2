import Foundation
import LivenessEngine

/// Fits a pipeline's operating points (DESIGN.md) from labelled raw scores:
/// HARD = the threshold where APCER <= 1 %, REGULAR = APCER <= 5 %, SOFT = APCER <= 10 %
/// (`ErrorRates.threshold(atAPCER:)`: the lowest such threshold, so the lowest BPCER).
///
/// The logistic slope makes the median bona fide score read as probability 0.9 at REGULAR
/// (slope = ln 9 / (median bona fide - REGULAR)), so probabilities are comparable across
/// pipelines whatever the scale of their raw scores; 1 when the bona fide median is not above
/// the REGULAR threshold (a pipeline that cannot separate the classes).
public enum OperatingPointFit {
    public static func fit(bonaFide: [Double], attacks: [Double]) throws(OperatingPointFitError) -> OperatingPoints {
        guard !attacks.isEmpty else { throw .noAttacks }
        guard !bonaFide.isEmpty else { throw .noBonaFide }
        let rates = ErrorRates(bonaFide: bonaFide, attacks: attacks)
        // With fewer than 100 attacks the 1 % point is the highest attack score (APCER 0 measured).
        let points = [0.10, 0.05, 0.01].map { rates.threshold(atAPCER: $0) }
        let sorted = rates.bonaFide
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let slope = median > points[1] ? log(9) / (median - points[1]) : 1
        return OperatingPoints(soft: points[0], regular: points[1], hard: points[2], slope: slope)
    }
}

public enum OperatingPointFitError: Error, CustomStringConvertible {
    case noAttacks, noBonaFide

    public var description: String {
        switch self {
        case .noAttacks: "no scored attack presentations"
        case .noBonaFide: "no scored bona fide presentations"
        }
    }
}
