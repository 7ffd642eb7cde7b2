import Foundation

/// Maps a pipeline's raw score to a probability for each calibration level.
///
/// probability = 1 / (1 + exp(-slope x (score - threshold(level)))): a logistic curve whose midpoint
/// (probability 0.5, the accept/reject boundary) sits on the level's threshold, so "probability > 0.5"
/// means "score above the operating point measured for that APCER". `slope` sets how quickly the
/// probability saturates and comes from the same calibration run as the thresholds.
public struct OperatingPoints: Sendable, Codable, Equatable {
    public var soft: Double
    public var regular: Double
    public var hard: Double
    public var slope: Double

    public init(soft: Double, regular: Double, hard: Double, slope: Double) {
        precondition(slope > 0, "slope must be positive")
        self.soft = soft
        self.regular = regular
        self.hard = hard
        self.slope = slope
    }

    public func threshold(_ level: CalibrationLevel) -> Double {
        switch level {
        case .soft: soft
        case .regular: regular
        case .hard: hard
        }
    }

    public func probability(score: Double, level: CalibrationLevel) -> Double {
        1 / (1 + exp(-slope * (score - threshold(level))))
    }
}
