import Foundation

/// Which signals the face head fuses: the MiniFASNet pack alone, the physical cues alone (no
/// pack installed), or both.
public enum FaceSignals: String, CaseIterable, Codable, Sendable {
    case minifasnet
    case physical
    case all

    public var needsNetworks: Bool { self != .physical }

    /// Its head's input from the networks' logit and the cues (`featureNames` order); nil when
    /// a needed part is missing.
    public func vector(networkLogit: Double?, cues: [Double]?) -> [Double]? {
        guard let cues else { return nil }
        switch self {
        case .physical: return cues
        case .minifasnet: return networkLogit.map { [$0] }
        case .all: return networkLogit.map { [$0] + cues }
        }
    }

    /// The features its head reads, by name.
    public var featureNames: [String] {
        switch self {
        case .minifasnet: [FaceSignalValues.networkFeature]
        case .physical: FaceCueFeatures.names
        case .all: [FaceSignalValues.networkFeature] + FaceCueFeatures.names
        }
    }
}

/// Every signal measured on one face.
public struct FaceSignalValues: Sendable, Equatable {
    /// The networks' feature: the log-odds of the mean of the two networks' real probabilities
    /// (Silent-Face's own fusion: average the softmax), clipped to +-12.
    public static let networkFeature = "minifasnet_logit"

    /// Each network's real probability (`AntiSpoofingNetworks.networks` order); nil without the pack.
    public var networkProbabilities: [Double]?
    public var cues: FaceCueFeatures

    public var networkLogit: Double? {
        guard let probabilities = networkProbabilities, !probabilities.isEmpty else { return nil }
        let mean = probabilities.reduce(0, +) / Double(probabilities.count)
        return min(12, max(-12, log(mean / max(1e-12, 1 - mean))))
    }

    /// The vector `signals`' head reads; nil when it needs the networks and they did not run.
    public func vector(for signals: FaceSignals) -> [Double]? { signals.vector(networkLogit: networkLogit, cues: cues.values) }

    /// Every measured feature by name (for reports and `--json`).
    public var named: [String: Double] {
        var named = Dictionary(uniqueKeysWithValues: zip(FaceCueFeatures.names, cues.values))
        if let networkLogit { named[Self.networkFeature] = networkLogit }
        return named
    }
}
