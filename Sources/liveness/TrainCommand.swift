import ArgumentParser
import Foundation
import LivenessEngine
import LivenessEval

/// `liveness train --data DIR --pipeline NAME --out Models/NAME/VERSION/`: fits a cue
/// pipeline's heads (one per region) on a labelled training set and writes `model.json`.
/// Calibrate on a separate split afterwards (`liveness eval` + `liveness calibrate`).
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "Fit a screen-replay or printed-copy head (or, with --face, the face heads) on a labelled training set.")

    @Option(help: "Labelled training set (labels.jsonl, or class folders).") var data: String?
    @Option(help: "Features CSV from liveness features (instead of measuring --data again).") var features: String?
    @Option(help: "Pipeline: screen-replay or printed-copy (or an alias).") var pipeline: String?
    @Flag(help: "Fit the face-liveness heads (physical, all) on a labelled set of selfies instead.") var face = false
    @Option(help: "Model folder to write, Models/<pipeline>/<version>/ (its last component is the version).") var out: String
    @Option(help: "L2 penalty on the standardised weights.") var l2 = 1.0
    @Option(help: "Parallel workers (default: one per core).") var workers = ProcessInfo.processInfo.activeProcessorCount
    @OptionGroup var engine: EngineOptions

    func run() throws {
        if face { return try FaceTrain(data: data, features: features, out: out, l2: l2, workers: workers).run(engine: engine) }
        guard let pipeline, let kind = PipelineKind(name: pipeline), kind == .screenReplay || kind == .printedCopy else {
            throw CLIFailure.badInput("train fits screen-replay or printed-copy (or --face), not '\(pipeline ?? "")'")
        }
        let rows: [FeatureRow]
        if let features {
            do { rows = try FeatureTable.read(String(contentsOfFile: features, encoding: .utf8)) } catch { throw CLIFailure.badInput("\(error)") }
        } else if let data {
            rows = try FeaturesCommand.measure(data: data, regions: PipelineRegion.allCases, workers: workers, engine: engine)
        } else {
            throw CLIFailure.badInput("give --data or --features")
        }
        var heads: [PipelineRegion: [LogisticHead]] = [:]
        var provisional: [PipelineRegion: CalibrationFile] = [:]
        var counts: [String: String] = [:]
        for region in PipelineRegion.allCases {
            let training = TrainingTarget.rows(rows, for: kind, region: region)
            let bonaFide = training.filter { !$0.isAttack }
            // One head per attack species present: bona fide against that species alone.
            for species in TrainingTarget.attackSpecies(for: kind).sorted() {
                let attacks = training.filter { $0.species == species }
                guard !attacks.isEmpty else { continue }
                let rows = bonaFide + attacks
                do {
                    heads[region, default: []].append(try LogisticRegressionTrainer.fit(
                        species: species, features: AttackFeatures.names, rows: rows.map { $0.values! }, bonaFide: rows.map { !$0.isAttack }, l2: l2))
                } catch {
                    throw CLIFailure.badInput("\(region.rawValue) \(species) head: \(error)")
                }
                counts["\(region.rawValue)_\(species)"] = String(attacks.count)
            }
            guard let regionHeads = heads[region] else { throw CLIFailure.badInput("no \(kind.canonicalName) attacks in the training data") }
            counts["\(region.rawValue)_bona_fide"] = String(bonaFide.count)
            let scores = training.map { row in regionHeads.map { $0.score(row.values!) }.min()! }
            let bonaFideScores = zip(training, scores).filter { !$0.0.isAttack }.map(\.1)
            let attackScores = zip(training, scores).filter { $0.0.isAttack }.map(\.1)
            // Provisional operating points from the training rows themselves, so the model loads
            // for `liveness eval` on the calibration split; `liveness calibrate` replaces them.
            provisional[region] = CalibrationFile(pipeline: kind.canonicalName,
                                                  operatingPoints: try OperatingPointFit.fit(bonaFide: bonaFideScores, attacks: attackScores),
                                                  bonaFideCount: bonaFideScores.count, attackCount: attackScores.count,
                                                  source: "training split (provisional: run liveness calibrate on a separate split)",
                                                  fittedAt: ISO8601DateFormatter().string(from: Date()))
            let rates = ErrorRates(bonaFide: bonaFideScores, attacks: attackScores)
            print("\(region.rawValue): \(training.count) rows, training EER \(String(format: "%.2f", 100 * rates.equalErrorRate)) %")
            for head in regionHeads {
                let strongest = zip(head.features, head.weights).sorted { abs($0.1) > abs($1.1) }.prefix(6)
                print("  \(head.species ?? "all"): " + strongest.map { "\($0.0) \(String(format: "%+.2f", $0.1))" }.joined(separator: ", "))
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
        try provisional[.document]!.encoded().write(to: URL(fileURLWithPath: out + "/calibration.json"))
        try provisional[.frame]!.encoded().write(to: URL(fileURLWithPath: out + "/calibration-frame.json"))
        print("wrote \(out)/model.json and provisional calibration.json, calibration-frame.json")
    }
}
