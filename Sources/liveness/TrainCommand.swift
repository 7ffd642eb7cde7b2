import ArgumentParser
import Foundation
import LivenessEngine
import LivenessEval

/// `liveness train --data DIR --pipeline NAME --out Models/NAME/VERSION/`: fits a cue
/// pipeline's heads (one per region) on a labelled training set and writes `model.json`.
/// Calibrate on a separate split afterwards (`liveness eval` + `liveness calibrate`).
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "Fit a screen-replay or printed-copy head on a labelled training set.")

    @Option(help: "Labelled training set (labels.jsonl, or class folders).") var data: String?
    @Option(help: "Features CSV from liveness features (instead of measuring --data again).") var features: String?
    @Option(help: "Pipeline: screen-replay or printed-copy (or an alias).") var pipeline: String
    @Option(help: "Model folder to write, Models/<pipeline>/<version>/ (its last component is the version).") var out: String
    @Option(help: "L2 penalty on the standardised weights.") var l2 = 1.0
    @Option(help: "Parallel workers (default: one per core).") var workers = ProcessInfo.processInfo.activeProcessorCount
    @OptionGroup var engine: EngineOptions

    func run() throws {
        guard let kind = PipelineKind(name: pipeline), kind == .screenReplay || kind == .printedCopy else {
            throw CLIFailure.badInput("train fits screen-replay or printed-copy, not '\(pipeline)'")
        }
        let rows: [FeatureRow]
        if let features {
            do { rows = try FeatureTable.read(String(contentsOfFile: features, encoding: .utf8)) } catch { throw CLIFailure.badInput("\(error)") }
        } else if let data {
            rows = try FeaturesCommand.measure(data: data, regions: PipelineRegion.allCases, workers: workers, engine: engine)
        } else {
            throw CLIFailure.badInput("give --data or --features")
        }
        var heads: [PipelineRegion: LogisticHead] = [:]
        var counts: [String: String] = [:]
        for region in PipelineRegion.allCases {
            let training = TrainingTarget.rows(rows, for: kind, region: region)
            do {
                heads[region] = try LogisticRegressionTrainer.fit(features: AttackFeatures.names, rows: training.map { $0.values! },
                                                                  bonaFide: training.map { !$0.isAttack }, l2: l2)
            } catch {
                throw CLIFailure.badInput("\(region.rawValue) head: \(error)")
            }
            counts["\(region.rawValue)_bona_fide"] = String(training.filter { !$0.isAttack }.count)
            counts["\(region.rawValue)_attacks"] = String(training.filter(\.isAttack).count)
            let scores = training.map { heads[region]!.score($0.values!) }
            let rates = ErrorRates(bonaFide: zip(training, scores).filter { !$0.0.isAttack }.map(\.1),
                                   attacks: zip(training, scores).filter { $0.0.isAttack }.map(\.1))
            print("\(region.rawValue): \(training.count) rows, training EER \(String(format: "%.2f", 100 * rates.equalErrorRate)) %")
            for (name, weight) in zip(AttackFeatures.names, heads[region]!.weights).sorted(by: { abs($0.1) > abs($1.1) }) {
                print("  \(name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(String(format: "%+.3f", weight))")
            }
        }
        let version = URL(fileURLWithPath: out).lastPathComponent
        var training = counts
        training["data"] = data ?? features ?? ""
        training["l2"] = String(l2)
        training["trained_at"] = ISO8601DateFormatter().string(from: Date())
        training["engine"] = EngineVersion.current
        let model = CueModel(pipeline: kind.canonicalName, version: version, heads: heads, training: training)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try model.encoded().write(to: URL(fileURLWithPath: out + "/model.json"))
        print("wrote \(out)/model.json")
    }
}
