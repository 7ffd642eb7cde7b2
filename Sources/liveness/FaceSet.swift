import Foundation
import LivenessEngine
import LivenessEval

/// The face signals of a labelled set, measured (`--data`) or read back (`--features`), shared by
/// `liveness eval --face`, `features --face` and `train --face`.
enum FaceSet {
    static func rows(data: String?, features: String?, ignoreQuality: Bool, workers: Int, engine: EngineOptions) throws -> [FaceFeatureRow] {
        if let features {
            do { return try FaceFeatureTable.read(String(contentsOfFile: features, encoding: .utf8)) } catch { throw CLIFailure.badInput("\(error)") }
        }
        guard let data else { throw CLIFailure.badInput("give --data or --features") }
        let set: LabelledSet
        do { set = try LabelledSet(folder: data) } catch { throw CLIFailure.badInput("\(error)") }
        let configuration = engine.faceConfiguration()
        let model = ModelLibrary.builtInFaceModel.model
        let bar = ProgressBar("faces")
        return try FaceFeatureTable.extract(set, ignoring: ignoreQuality ? qualityStatuses : [], workers: workers, makeChecker: {
            try FaceLivenessChecker(configuration: configuration, model: model)
        }, progress: bar.update)
    }

    /// Every status but FACE_NOT_FOUND: what `--ignore-quality` scores through.
    static let qualityStatuses = Set(FaceStatus.allCases).subtracting([.ok, .faceNotFound])

    static func signalList(_ text: String?) throws -> [FaceSignals] {
        guard let text else { return FaceSignals.allCases }
        return try text.split(separator: ",").map { try FaceCheck.parseSignals(String($0).trimmingCharacters(in: .whitespaces)) }
    }

    /// How many rows each status stopped, for the report.
    static func statusSummary(_ rows: [FaceFeatureRow]) -> String {
        var counts: [String: Int] = [:]
        for row in rows { counts[row.status, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}
