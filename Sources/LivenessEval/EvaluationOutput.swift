import Foundation
import LivenessEngine

/// What `liveness eval` writes.
public enum EvaluationOutput {
    /// Writes `scores.csv`, `report.md` (Markdown tables) and `det-<pipeline>.svg` into `folder`.
    public static func write(records: [ScoreRecord], reports: [PADReport], data: String, to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try ScoresCSV.write(records).write(toFile: folder + "/scores.csv", atomically: true, encoding: .utf8)
        var summary = "# Evaluation of `\(data)`\n\nEngine \(EngineVersion.current). Accepted = raw score above the threshold; "
        summary += "validation failures are counted apart and not scored. BPCER10/20/100 = BPCER at APCER 10 / 5 / 1 %.\n\n"
        for report in reports {
            summary += report.markdown + "\n![DET](det-\(report.pipeline).svg)\n\n"
            try DETCurve.svg(report.curves, title: "DET: \(report.pipeline)")
                .write(toFile: folder + "/det-\(report.pipeline).svg", atomically: true, encoding: .utf8)
        }
        try summary.write(toFile: folder + "/report.md", atomically: true, encoding: .utf8)
    }
}
