import Foundation

/// A labelled photo of a document: one line of a folder's `labels.jsonl` (`file`, and `doc_quad`,
/// the document's corners clockwise from its top-left in image pixels).
public struct DocumentLabel: Decodable, Sendable {
    public var file: String
    public var quad: Quad

    enum CodingKeys: String, CodingKey { case file, quad = "doc_quad" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        let corners = try container.decode([[Double]].self, forKey: .quad)
        guard corners.count == 4, corners.allSatisfy({ $0.count == 2 }) else {
            throw DecodingError.dataCorruptedError(forKey: .quad, in: container, debugDescription: "doc_quad needs four [x, y] corners")
        }
        quad = Quad(corners.map { Point(x: $0[0], y: $0[1]) })
    }

    /// The labels of `folder/labels.jsonl`, in file order.
    public static func load(folder: String) throws -> [DocumentLabel] {
        let text = try String(contentsOfFile: folder + "/labels.jsonl", encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(DocumentLabel.self, from: Data($0.utf8)) }
    }
}

/// The document stages measured on a labelled folder: how well the located quad overlaps the
/// true one, and how often DOCUMENT_IS_COLORLESS and a portrait are found (`liveness eval-locator`
/// and the real-data regression tests read the same numbers).
public struct DocumentStageEvaluation: Sendable {
    public struct Row: Sendable {
        public var file: String
        /// Best IoU of any reported document with the labelled quad (0 when none was found).
        public var iou: Double
        public var analysis: DocumentAnalysis
    }

    public var rows: [Row]

    public static func run(folder: String, analyzer: DocumentAnalyzer) throws -> DocumentStageEvaluation {
        let rows = try DocumentLabel.load(folder: folder).map { label in
            let analysis = try analyzer.analyse([UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + label.file))))
            let iou = analysis.documents.map { $0.location.quad.intersectionOverUnion(label.quad) }.max() ?? 0
            return Row(file: label.file, iou: iou, analysis: analysis)
        }
        return DocumentStageEvaluation(rows: rows)
    }

    public func located(iouThreshold: Double = 0.9) -> Int { rows.filter { $0.iou >= iouThreshold }.count }
    public var colourless: Int { rows.filter { $0.analysis.statuses.contains(.documentIsColorless) }.count }
    public var portraits: Int { rows.filter { $0.analysis.documents.first?.portrait != nil }.count }
    public var medianIoU: Double { rows.isEmpty ? 0 : rows.map(\.iou).sorted()[rows.count / 2] }
}
