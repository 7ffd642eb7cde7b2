import Foundation
import LivenessEngine

/// The pipelines `liveness check` runs on one analysed photo, with an optional heatmap per
/// pipeline; returns the lines to print.
struct PipelineRun {
    var pipelines: String?
    var region: String
    var calibration: String

    func run(on analysis: DocumentAnalysis, by analyzer: DocumentAnalyzer, heatmap: String?) throws -> [String] {
        guard let pipelines else { return [] }
        let region = try PipelineRegion.parse(region)
        guard let level = CalibrationLevel(rawValue: calibration) else { throw CLIFailure.badInput("unknown calibration '\(calibration)'") }
        let names = PipelineNames.parse(pipelines)
        let registry: PipelineRegistry
        do { registry = try PipelineRegistry(implemented: PipelineRegistry.builtIn, availableNames: names) } catch { throw CLIFailure.badInput("\(error)") }
        let kinds = names.compactMap(PipelineKind.init(name:))
        let missing = kinds.filter { registry.descriptor(for: $0) == nil }
        guard missing.isEmpty else {
            throw CLIFailure.badInput("not available in this installation: \(missing.map(\.canonicalName).joined(separator: ", "))"
                + (PipelineRegistry.builtInProblems.isEmpty ? "" : " (\(PipelineRegistry.builtInProblems.joined(separator: "; ")))"))
        }
        let checker = try LivenessChecker(analyzer: analyzer, registry: registry)
        let input = PipelineInput(analysis: analysis, region: region)
        var lines: [String] = []
        for kind in kinds {
            let request = LivenessRequest(pipelines: [.init(kind: kind, calibration: level)], region: region)
            let outcome = try checker.outcome(of: request.pipelines[0], on: input, ignoring: [])
            var line = "pipeline   \(kind.canonicalName) [\(region.rawValue), \(level.rawValue)] \(outcome.status.rawValue)"
            if let score = outcome.score, let probability = outcome.probability {
                line += String(format: " score %.3f probability %.3f (%@)", score, probability, probability > 0.5 ? "live" : "attack")
            }
            lines.append(line)
            guard outcome.status == .ok, let cue = checker.pipeline(kind) as? CuePipeline else { continue }
            let features = try input.attackFeatures()
            let strongest = cue.contributions(features, region: region).sorted { abs($0.contribution) > abs($1.contribution) }.prefix(4)
            lines.append("           strongest: " + strongest.map { String(format: "%@ %+.2f", $0.feature, $0.contribution) }.joined(separator: ", "))
            if let heatmap, let pixels = try region.pixels(of: analysis) {
                let path = Self.path(heatmap, suffix: kind.shortCode)
                let image = try EvidenceHeatmap.render(region: pixels, tiles: features.tiles, head: cue.deciding(features, region: region).head)
                let fileExtension = path.lowercased().hasSuffix(".png") ? ".png" : ".jpg"
                try Data(image.encoded(as: fileExtension, quality: 90)).write(to: URL(fileURLWithPath: path))
                lines.append("           heatmap: \(path)")
            }
        }
        return lines
    }

    /// `out.png` -> `out-sr.png`.
    static func path(_ base: String, suffix: String) -> String {
        let url = URL(fileURLWithPath: base)
        return url.deletingPathExtension().path + "-" + suffix + "." + (url.pathExtension.isEmpty ? "png" : url.pathExtension)
    }
}
