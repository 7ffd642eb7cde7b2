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

    struct Label: Decodable {
        var file: String
        var doc_quad: [[Double]]
    }

    func run() throws {
        let analyzer = try DocumentAnalyzer(configuration: engine.analyzerConfiguration())
        let labelText = try String(contentsOfFile: folder + "/labels.jsonl", encoding: .utf8)
        let labels = try labelText.split(separator: "\n").map { try JSONDecoder().decode(Label.self, from: Data($0.utf8)) }
        var located = 0, colourless = 0, portraits = 0
        var ious: [Double] = []
        for label in labels {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + label.file)))
            let analysis = try analyzer.analyse(bytes)
            let truth = Quad(label.doc_quad.map { Point(x: $0[0], y: $0[1]) })
            let iou = analysis.documents.map { $0.location.quad.intersectionOverUnion(truth) }.max() ?? 0
            ious.append(iou)
            if iou >= iouThreshold { located += 1 }
            if analysis.statuses.contains(.documentIsColorless) { colourless += 1 }
            if analysis.documents.first?.portrait != nil { portraits += 1 }
            if verbose {
                print("\(label.file) iou \(String(format: "%.3f", iou)) chroma \(String(format: "%.4f", analysis.documents.first?.measurements.chromaResidual ?? -1)) sharp \(Int(analysis.documents.first?.measurements.sharpness ?? -1)) face \(String(format: "%.2f", analysis.documents.first?.portrait?.score ?? 0)) \(analysis.statuses.map(\.rawValue).joined(separator: ","))")
            }
        }
        let n = Double(labels.count)
        print("images                 \(labels.count)")
        print("quad IoU >= \(iouThreshold)        \(located)/\(labels.count) = \(String(format: "%.1f", 100 * Double(located) / n)) %")
        print("median IoU             \(String(format: "%.3f", ious.sorted()[ious.count / 2]))")
        print("DOCUMENT_IS_COLORLESS  \(colourless)/\(labels.count) = \(String(format: "%.1f", 100 * Double(colourless) / n)) %")
        print("portrait found         \(portraits)/\(labels.count) = \(String(format: "%.1f", 100 * Double(portraits) / n)) %")
        print("face detector          \(analyzer.faceDetector.backend.rawValue)")
    }
}
