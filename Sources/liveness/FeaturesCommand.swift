import ArgumentParser
import Foundation
import LivenessEngine
import LivenessEval

/// `liveness features --data DIR --out CSV`: measures the screen and print cues of every image
/// of a labelled set and prints how well each feature alone separates each attack species.
struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features", abstract: "Measure the attack features of a labelled set and each feature's separating power (AUC).")

    @Option(help: "Labelled set (labels.jsonl, or class folders).") var data: String
    @Option(help: "Comma-separated regions: document, frame.") var regions = "document,frame"
    @Option(help: "CSV to write the features to (liveness train --features reads it).") var out: String?
    @Option(help: "Parallel workers (default: one per core).") var workers = ProcessInfo.processInfo.activeProcessorCount
    @OptionGroup var engine: EngineOptions

    func run() throws {
        let regionList = try PipelineRegion.parseList(regions)
        let rows = try Self.measure(data: data, regions: regionList, workers: workers, engine: engine)
        if let out { try FeatureTable.csv(rows).write(toFile: out, atomically: true, encoding: .utf8) }
        for region in regionList { print(Self.separationTable(rows, region: region)) }
    }

    static func measure(data: String, regions: [PipelineRegion], workers: Int, engine: EngineOptions) throws -> [FeatureRow] {
        let set: LabelledSet
        do { set = try LabelledSet(folder: data) } catch { throw CLIFailure.badInput("\(error)") }
        let configuration = engine.analyzerConfiguration()
        let bar = ProgressBar("features")
        return try FeatureTable.extract(set, regions: regions, workers: workers, makeAnalyzer: {
            try DocumentAnalyzer(configuration: configuration)
        }, progress: bar.update)
    }

    /// One line per attack species, one AUC column per feature.
    static func separationTable(_ rows: [FeatureRow], region: PipelineRegion) -> String {
        let lines = FeatureSeparation.lines(rows, region: region)
        let measured = rows.filter { $0.region == region }
        var text = "region \(region.rawValue): \(measured.filter { $0.values != nil }.count) of \(measured.count) measured; "
            + "AUC = P(attack value > bona fide value)\n"
        text += "feature".padding(toLength: 20, withPad: " ", startingAt: 0) + lines.map { "  " + $0.species.prefix(13).padding(toLength: 13, withPad: " ", startingAt: 0) }.joined() + "\n"
        for (j, name) in AttackFeatures.names.enumerated() {
            text += name.padding(toLength: 20, withPad: " ", startingAt: 0) + lines.map { "  " + String(format: "%-13.2f", $0.areas[j]) }.joined() + "\n"
        }
        text += "counts".padding(toLength: 20, withPad: " ", startingAt: 0) + lines.map { "  " + "\($0.attacks)/\($0.bonaFide)".padding(toLength: 13, withPad: " ", startingAt: 0) }.joined()
        return text
    }
}
