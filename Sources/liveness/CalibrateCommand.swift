import ArgumentParser
import Foundation
import LivenessEngine
import LivenessEval

/// `liveness calibrate --scores CSV --pipeline NAME --out FILE`: fits the SOFT / REGULAR / HARD
/// operating points (APCER 10 / 5 / 1 %) of one pipeline from labelled scores (the CSV
/// `liveness eval` writes) and writes the calibration file the engine loads.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate", abstract: "Fit a pipeline's operating points (APCER 10/5/1 %) from labelled scores.")

    @Option(help: "Scores CSV (file,pipeline,class,species,status,score), as liveness eval writes it.") var scores: String
    @Option(help: "The pipeline to calibrate (canonical name as in the CSV).") var pipeline: String
    @Option(help: "Calibration file to write (JSON).") var out: String

    func run() throws {
        let records: [ScoreRecord]
        do {
            records = try ScoresCSV.read(String(contentsOfFile: scores, encoding: .utf8)).filter { $0.pipeline == pipeline }
        } catch {
            throw CLIFailure.badInput("\(error)")
        }
        let bonaFide = records.filter { !$0.isAttack }.compactMap(\.score)
        // A pipeline is calibrated against its own attacks (a print is not a screen replay's
        // business) when the set names them; otherwise against every attack.
        let own = PipelineKind(name: pipeline).map(TrainingTarget.attackSpecies(for:)) ?? []
        let attackRecords = records.filter(\.isAttack)
        let attacks = (attackRecords.contains { own.contains($0.species) } ? attackRecords.filter { own.contains($0.species) } : attackRecords)
            .compactMap(\.score)
        let points: OperatingPoints
        do { points = try OperatingPointFit.fit(bonaFide: bonaFide, attacks: attacks) } catch { throw CLIFailure.badInput("\(pipeline): \(error)") }
        let file = CalibrationFile(pipeline: pipeline, operatingPoints: points, bonaFideCount: bonaFide.count, attackCount: attacks.count,
                                   source: scores, fittedAt: ISO8601DateFormatter().string(from: Date()))
        try file.encoded().write(to: URL(fileURLWithPath: out))
        let rates = ErrorRates(bonaFide: bonaFide, attacks: attacks)
        for level in CalibrationLevel.allCases {
            let threshold = points.threshold(level)
            print("\(level.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) threshold \(String(format: "%.4g", threshold))  "
                + "APCER \(String(format: "%.2f", 100 * rates.apcer(at: threshold))) %  BPCER \(String(format: "%.2f", 100 * rates.bpcer(at: threshold))) %")
        }
        if attacks.count < 100 {
            print("note: \(attacks.count) scored attacks: HARD (APCER 1 %) is the highest attack score; 100 or more are needed to measure 1 %")
        }
        print("wrote \(out)")
    }
}
