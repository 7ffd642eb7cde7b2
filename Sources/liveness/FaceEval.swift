import Foundation
import LivenessEngine
import LivenessEval

/// `liveness eval --face --data DIR --out REPORT`: ISO/IEC 30107-3 figures of each fused signal
/// set (`face-minifasnet`, `face-physical`, `face-all`) on a labelled set of selfies; writes
/// `face-features.csv` beside the scores so training and calibration can reuse the measurement.
struct FaceEval {
    var data: String?
    var features: String?
    var signals: String?
    var calibration: String?
    var ignoreQuality: Bool
    var out: String
    var workers: Int

    func run(engine: EngineOptions) throws {
        let level = try calibration.map { name -> CalibrationLevel in
            guard let level = CalibrationLevel(rawValue: name) else { throw CLIFailure.badInput("unknown calibration '\(name)'") }
            return level
        }
        let installed = ModelLibrary.builtInFaceModel.model
        let rows = try FaceSet.rows(data: data, features: features, ignoreQuality: ignoreQuality, workers: workers, engine: engine)
        var records: [ScoreRecord] = []
        var reports: [PADReport] = []
        let model = installed?.model ?? FaceModel(version: "none", heads: [:], training: [:])
        for signals in try FaceSet.signalList(signals) {
            guard model.head(for: signals) != nil else {
                print("face-\(signals.rawValue): no trained head installed (\(ModelLibrary.builtInFaceModel.problem ?? "model has none")); skipped")
                continue
            }
            let scored = FaceFeatureTable.scores(rows, signals: signals, model: model)
            guard scored.contains(where: { $0.score != nil }) else {
                print("face-\(signals.rawValue): nothing scored (is the MiniFASNet pack installed? --model-dir); skipped")
                continue
            }
            records += scored
            let threshold = level.flatMap { installed?.operatingPoints[signals]?.threshold($0) }
            reports.append(PADReport(pipeline: FaceFeatureTable.scoreName(signals), records: scored, threshold: threshold))
        }
        guard !reports.isEmpty else { throw CLIFailure.badInput("no signal set could be scored") }
        try EvaluationOutput.write(records: records, reports: reports, data: data ?? features ?? "", to: out)
        try FaceFeatureTable.csv(rows).write(toFile: out + "/face-features.csv", atomically: true, encoding: .utf8)
        print("measured: " + FaceSet.statusSummary(rows))
        print(reports.map(\.markdown).joined(separator: "\n"))
    }
}
