import Foundation
import LivenessEngine
import LivenessEval

/// `liveness train --face --data DIR --out Models/face-liveness/VERSION/`: fits the fused face
/// heads on a labelled training set of selfies: `physical` (the cues alone, for installations
/// without the MiniFASNet pack) and `all` (the networks' logit and the cues). Writes
/// `model.json` and provisional calibrations for every signal set, which `liveness calibrate` on
/// a separate split replaces.
///
/// The `all` head keeps the networks' log-odds at weight 1 and fits only a correction from the
/// cues on top of it (logistic regression with the logit as a fixed offset): MiniFASNet was
/// trained on thousands of real attacks and its logit is already a log-odds, while our training
/// data is simulated; refitting its weight on simulation could only teach the head how the
/// networks see our simulator. The L2 penalty keeps the correction small unless the data insist.
struct FaceTrain {
    var data: String?
    var features: String?
    var out: String
    var l2: Double
    var workers: Int

    func run(engine: EngineOptions) throws {
        let rows = try FaceSet.rows(data: data, features: features, ignoreQuality: true, workers: workers, engine: engine)
        print("measured: " + FaceSet.statusSummary(rows))
        var heads: [FaceSignals: LogisticHead] = [:]
        var training: [String: String] = [:]
        for signals in [FaceSignals.physical, .all] {
            let usable = rows.filter { $0.vector(for: signals) != nil }
            guard !usable.isEmpty else {
                print("\(signals.rawValue): no rows with these signals (MiniFASNet pack not installed?); no head")
                continue
            }
            do {
                heads[signals] = try fit(signals, rows: usable)
            } catch {
                throw CLIFailure.badInput("\(signals.rawValue) head: \(error)")
            }
            training["\(signals.rawValue)_rows"] = "\(usable.filter { !$0.isAttack }.count) bona fide, \(usable.filter(\.isAttack).count) attacks"
            let strongest = zip(heads[signals]!.features, heads[signals]!.weights).sorted { abs($0.1) > abs($1.1) }.prefix(6)
            print("\(signals.rawValue): " + strongest.map { "\($0.0) \(String(format: "%+.2f", $0.1))" }.joined(separator: ", "))
        }
        let version = URL(fileURLWithPath: out).lastPathComponent
        training["data"] = data ?? features ?? ""
        training["l2"] = String(l2)
        training["trained_at"] = ISO8601DateFormatter().string(from: Date())
        training["engine"] = EngineVersion.current
        let model = FaceModel(version: version, heads: heads, training: training)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try model.encoded().write(to: URL(fileURLWithPath: out + "/model.json"))
        // Provisional operating points from the training rows, so the model loads for
        // `liveness eval --face` on the calibration split.
        for signals in FaceSignals.allCases {
            let records = FaceFeatureTable.scores(rows, signals: signals, model: model).filter { $0.score != nil }
            let bonaFide = records.filter { !$0.isAttack }.map { $0.score! }, attacks = records.filter(\.isAttack).map { $0.score! }
            guard !bonaFide.isEmpty, !attacks.isEmpty else { continue }
            let file = CalibrationFile(pipeline: FaceFeatureTable.scoreName(signals),
                                       operatingPoints: try OperatingPointFit.fit(bonaFide: bonaFide, attacks: attacks),
                                       bonaFideCount: bonaFide.count, attackCount: attacks.count,
                                       source: "training split (provisional: run liveness calibrate on a separate split)",
                                       fittedAt: ISO8601DateFormatter().string(from: Date()))
            try file.encoded().write(to: URL(fileURLWithPath: out + "/" + InstalledFaceModel.calibrationFileName(signals)))
            let rates = ErrorRates(bonaFide: bonaFide, attacks: attacks)
            print("\(signals.rawValue): training EER \(String(format: "%.2f", 100 * rates.equalErrorRate)) % on \(records.count) rows")
        }
        print("wrote \(out)/model.json and provisional calibration-<signals>.json")
    }

    private func fit(_ signals: FaceSignals, rows: [FaceFeatureRow]) throws -> LogisticHead {
        let labels = rows.map { !$0.isAttack }
        guard signals == .all else {
            return try LogisticRegressionTrainer.fit(features: signals.featureNames, rows: rows.map { $0.vector(for: signals)! }, bonaFide: labels, l2: l2)
        }
        let correction = try LogisticRegressionTrainer.fit(features: FaceCueFeatures.names, rows: rows.map { $0.cues! }, bonaFide: labels, l2: l2,
                                                           offsets: rows.map { $0.networkLogit! })
        return LogisticHead(features: [FaceSignalValues.networkFeature] + correction.features, mean: [0] + correction.mean,
                            scale: [1] + correction.scale, weights: [1] + correction.weights, bias: correction.bias)
    }
}
