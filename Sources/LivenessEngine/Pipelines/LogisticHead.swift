import Foundation

/// A logistic-regression head over standardised features: raw score = bias + sum of
/// weight x (value - mean) / scale, the log-odds that the region is bona fide. Chosen because
/// the features are few, physically meaningful and roughly monotone in their cue, so a linear
/// head generalises from simulation better than a flexible one, and each weight can be read.
public struct LogisticHead: Sendable, Codable, Equatable {
    /// The attack species this head separates from bona fide (nil: all of the pipeline's).
    public var species: String?
    public var features: [String]
    public var mean: [Double]
    public var scale: [Double]
    public var weights: [Double]
    public var bias: Double

    public init(species: String? = nil, features: [String], mean: [Double], scale: [Double], weights: [Double], bias: Double) {
        self.species = species
        self.features = features
        self.mean = mean
        self.scale = scale
        self.weights = weights
        self.bias = bias
    }

    /// The log-odds of bona fide for a feature vector in `features`' order.
    public func score(_ values: [Double]) -> Double {
        precondition(values.count == weights.count, "feature count mismatch")
        var sum = bias
        for i in values.indices { sum += weights[i] * (values[i] - mean[i]) / scale[i] }
        return sum
    }

    /// Each feature's share of the score (weight x standardised value): what pushed a decision.
    public func contributions(_ values: [Double]) -> [(feature: String, contribution: Double)] {
        values.indices.map { (features[$0], weights[$0] * (values[$0] - mean[$0]) / scale[$0]) }
    }

    /// Checks that the head reads features this engine measures, and that its arrays agree.
    func validated(against names: [String]) throws -> LogisticHead {
        guard features.count == weights.count, mean.count == weights.count, scale.count == weights.count else {
            throw ModelError("head arrays disagree in length")
        }
        guard features.allSatisfy(names.contains) else {
            throw ModelError("head reads unknown features \(features.filter { !names.contains($0) })")
        }
        guard scale.allSatisfy({ $0 > 0 }) else { throw ModelError("head has a non-positive scale") }
        return self
    }
}

/// A model file that cannot be used.
public struct ModelError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
