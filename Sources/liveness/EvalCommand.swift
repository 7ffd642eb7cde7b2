import ArgumentParser
import Foundation
import LivenessEngine
import LivenessEval
import LivenessServer

/// `liveness eval --data DIR --out REPORT_DIR`: ISO/IEC 30107-3 figures of the pipelines on a
/// labelled set: `scores.csv`, `report.md` and one DET curve per pipeline (`det-<pipeline>.svg`).
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval", abstract: "APCER, BPCER, ACER, EER and DET curves of the pipelines on a labelled set.")

    @Option(help: "Labelled set: labels.jsonl, or folders bona_fide/ and one per attack species.") var data: String?
    @Option(help: "Comma-separated pipelines (any name or alias); default: every implemented one.") var pipelines: String?
    @Option(help: "Operating level whose threshold the APCER/BPCER/ACER columns use (REGULAR, SOFT, HARD); default: the set's own APCER-5 % point.")
    var calibration: String?
    @Option(help: "Folder for scores.csv, report.md and the DET curves.") var out: String
    @Option(help: "Comma-separated validation statuses to ignore (DOCUMENT_CROPPED, DOCUMENT_IS_COLORLESS), as errors_to_ignore.")
    var ignore: String?
    @Option(help: "Region the pipelines score: document, or frame (the whole photo, for pictures that are not documents).") var region = "document"
    @Option(help: "Parallel workers (default: one per core).") var workers = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "Evaluate face liveness on a set of selfies (scores each signal set: face-minifasnet, face-physical, face-all).") var face = false
    @Option(help: "With --face: comma-separated signal sets (minifasnet, physical, all); default every one installed.") var signals: String?
    @Option(help: "With --face: face features CSV (written by an earlier eval) instead of measuring --data again.") var features: String?
    @Flag(help: "With --face: score faces whatever their quality statuses (all but FACE_NOT_FOUND), e.g. small webcam faces.") var ignoreQuality = false
    @OptionGroup var engine: EngineOptions

    func run() throws {
        if face {
            return try FaceEval(data: data, features: features, signals: signals, calibration: calibration, ignoreQuality: ignoreQuality,
                                out: out, workers: workers).run(engine: engine)
        }
        guard let data else { throw CLIFailure.badInput("give --data") }
        let registry: PipelineRegistry
        do {
            registry = try PipelineRegistry(implemented: PipelineRegistry.builtIn, availableNames: pipelines.map(PipelineNames.parse))
        } catch {
            throw CLIFailure.badInput("\(error)")
        }
        guard !registry.descriptors.isEmpty else {
            throw CLIFailure.badInput("no detection pipeline is implemented in this version (engine \(EngineVersion.current)); nothing to evaluate")
        }
        var level: CalibrationLevel?
        if let calibration {
            guard let parsed = CalibrationLevel(rawValue: calibration) else { throw CLIFailure.badInput("unknown calibration '\(calibration)'") }
            level = parsed
        }
        let region = try PipelineRegion.parse(region)
        var ignored: Set<ValidationStatus> = []
        for name in ignore.map(ServerConfiguration.splitList) ?? [] {
            guard let status = ValidationStatus(rawValue: name), status.isIgnorable else {
                throw CLIFailure.badInput("'\(name)' cannot be ignored (ignorable: DOCUMENT_CROPPED, DOCUMENT_IS_COLORLESS)")
            }
            ignored.insert(status)
        }
        let set: LabelledSet
        do { set = try LabelledSet(folder: data) } catch { throw CLIFailure.badInput("\(error)") }
        let configuration = engine.analyzerConfiguration()
        let bar = ProgressBar("eval")
        let records = try PADEvaluation.run(set, pipelines: registry.availableKinds, region: region, ignoring: ignored, workers: workers, makeChecker: {
            try LivenessChecker(analyzer: DocumentAnalyzer(configuration: configuration), registry: registry)
        }, progress: bar.update)
        let reports = registry.descriptors.map { descriptor in
            PADReport(pipeline: descriptor.kind.canonicalName, records: records,
                      threshold: level.map { descriptor.operatingPoints(for: region).threshold($0) })
        }
        try EvaluationOutput.write(records: records, reports: reports, data: data, to: out)
        print(reports.map(\.markdown).joined(separator: "\n"))
    }
}

