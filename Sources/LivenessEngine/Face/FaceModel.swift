import Foundation

/// The face-liveness model as `liveness train --face` writes it
/// (`Models/face-liveness/<version>/model.json`): one logistic head per fused signal set that
/// needs training (`physical`, `all`), and how it was made. The `minifasnet` set needs no head:
/// its raw score is the networks' own log-odds.
public struct FaceModel: Sendable, Codable, Equatable {
    public static let pipeline = "face-liveness"

    public var version: String
    public var heads: [String: LogisticHead]
    /// The signal set a request that names none gets when the pack is installed (nil: `all`).
    /// Chosen at calibration (`scripts/train-face-model`): `all` only when the fusion is no worse
    /// than the networks alone on the calibration data, since fusing must never make things worse.
    public var defaultSignals: FaceSignals?
    public var training: [String: String]

    public init(version: String, heads: [FaceSignals: LogisticHead], training: [String: String]) {
        self.version = version
        self.heads = Dictionary(uniqueKeysWithValues: heads.map { ($0.key.rawValue, $0.value) })
        self.training = training
    }

    /// The head for `signals`: the trained one, or for `minifasnet` the identity on its logit.
    public func head(for signals: FaceSignals) -> LogisticHead? {
        if signals == .minifasnet {
            return LogisticHead(features: signals.featureNames, mean: [0], scale: [1], weights: [1], bias: 0)
        }
        return heads[signals.rawValue]
    }

    public static func load(path: String) throws -> FaceModel {
        try JSONDecoder().decode(FaceModel.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}

/// An installed face model with its calibrations (`calibration-<signals>.json` beside
/// `model.json`, one per signal set): what the engine scores with.
public struct InstalledFaceModel: Sendable {
    public var model: FaceModel
    public var operatingPoints: [FaceSignals: OperatingPoints]

    public init(model: FaceModel, operatingPoints: [FaceSignals: OperatingPoints]) {
        self.model = model
        self.operatingPoints = operatingPoints
    }

    /// Signal sets with both a head and a calibration.
    public var signalSets: [FaceSignals] {
        FaceSignals.allCases.filter { model.head(for: $0) != nil && operatingPoints[$0] != nil }
    }

    public static func calibrationFileName(_ signals: FaceSignals) -> String { "calibration-\(signals.rawValue).json" }

    public static func load(folder: String) throws -> InstalledFaceModel {
        do {
            let model = try FaceModel.load(path: folder + "/model.json")
            var points: [FaceSignals: OperatingPoints] = [:]
            for signals in FaceSignals.allCases {
                let path = folder + "/" + calibrationFileName(signals)
                guard FileManager.default.fileExists(atPath: path) else { continue }
                points[signals] = try CalibrationFile.load(path: path).operatingPoints
            }
            for signals in FaceSignals.allCases {
                _ = try model.head(for: signals)?.validated(against: signals.featureNames)
            }
            return InstalledFaceModel(model: model, operatingPoints: points)
        } catch {
            throw ModelError("\(folder): \(error)")
        }
    }
}
