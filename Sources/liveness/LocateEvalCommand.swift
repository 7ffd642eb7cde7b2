import ArgumentParser
import Foundation
import LivenessEngine

/// `liveness eval-locator DIR`: measures the document stages on a labelled set (a `labels.jsonl`
/// with `file` and `doc_quad` per line): quad IoU, DOCUMENT_IS_COLORLESS and portrait rates.
struct LocateEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval-locator", abstract: "Measure locator IoU, colourless and portrait rates on a labelled folder.")

    @Argument(help: "Folder with labels.jsonl and the images it names.") var folder: String
    @Option(help: "IoU a located quad must reach to count as found.") var iouThreshold = 0.9
    @Flag(help: "Print one line per image.") var verbose = false
    @OptionGroup var engine: EngineOptions

    func run() throws {
        let analyzer = try DocumentAnalyzer(configuration: engine.analyzerConfiguration())
        let evaluation = try DocumentStageEvaluation.run(folder: folder, analyzer: analyzer)
        if verbose {
            for row in evaluation.rows {
                let document = row.analysis.documents.first
                print("\(row.file) iou \(String(format: "%.3f", row.iou)) chroma \(String(format: "%.4f", document?.measurements.chromaResidual ?? -1)) sharp \(Int(document?.measurements.sharpness ?? -1)) face \(String(format: "%.2f", document?.portrait?.score ?? 0)) \(row.analysis.statuses.map(\.rawValue).joined(separator: ","))")
            }
        }
        let n = evaluation.rows.count
        func rate(_ count: Int) -> String { "\(count)/\(n) = \(String(format: "%.1f", 100 * Double(count) / Double(max(1, n)))) %" }
        print("images                 \(n)")
        print("quad IoU >= \(iouThreshold)        \(rate(evaluation.located(iouThreshold: iouThreshold)))")
        print("median IoU             \(String(format: "%.3f", evaluation.medianIoU))")
        print("DOCUMENT_IS_COLORLESS  \(rate(evaluation.colourless))")
        print("portrait found         \(rate(evaluation.portraits))")
        print("face detector          \(analyzer.faceDetector.backend.rawValue)")
    }
}
