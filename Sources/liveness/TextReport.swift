import Foundation
import LivenessEngine

/// Human-readable rendering of a check report.
enum TextReport {
    static func render(_ report: DocumentAnalysisReport) -> String {
        var lines: [String] = []
        let image = report.image
        lines.append("image      \(image.width)x\(image.height) \(image.format.rawValue)\(image.jpegQuality.map { " quality~\($0)" } ?? "") \(image.encodedBytes) bytes")
        lines.append("documents  \(report.documents.count)")
        for (index, document) in report.documents.enumerated() {
            let corners = document.corners.map { "(\(Int($0.x.rounded())),\(Int($0.y.rounded())))" }.joined(separator: " ")
            lines.append("  [\(index)] \(document.format.rawValue) confidence \(format(document.confidence)) aspect \(format(document.aspectRatio))\(document.cropped ? " cropped" : "")")
            lines.append("      corners TL TR BR BL: \(corners)")
            if let box = document.portraitBox {
                lines.append("      portrait (rectified px): x \(Int(box.x)) y \(Int(box.y)) w \(Int(box.width)) h \(Int(box.height))")
            } else {
                lines.append("      portrait: not found")
            }
            let m = document.measurements
            lines.append("      chroma residual \(m.chromaResidual.map { format($0, 4) } ?? "n/a") sharpness \(format(m.sharpness, 0)) median luminance \(format(m.medianLuminance, 0))")
        }
        lines.append("statuses   \(report.statuses.map(\.rawValue).joined(separator: ", "))")
        lines.append("warnings   \(report.warnings.isEmpty ? "none" : report.warnings.map(\.rawValue).joined(separator: ", "))")
        let t = report.timingsMilliseconds
        lines.append("timings ms decode \(format(t.decode, 1)) locate \(format(t.locate, 1)) rectify \(format(t.rectify, 1)) validate \(format(t.validate, 1)) total \(format(t.total, 1))")
        lines.append("faces      \(report.faceDetector.rawValue)")
        return lines.joined(separator: "\n")
    }

    private static func format(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
}
