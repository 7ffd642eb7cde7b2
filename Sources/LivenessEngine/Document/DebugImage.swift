/// Draws what the engine saw: each document's quad (green, first corner marked), its portrait
/// (yellow), and the statuses and warnings (red) — for a person checking a result at a glance.
public enum DebugImage {
    public static func render(_ analysis: DocumentAnalysis, on frame: Mat) throws -> Mat {
        let canvas = try Canvas(copying: frame)
        let scale = Double(max(frame.cols, frame.rows)) / 1000
        let thickness = max(2, Int(3 * scale))
        for (index, document) in analysis.documents.enumerated() {
            let quad = document.location.quad
            try canvas.polygon(quad.corners, color: index == 0 ? .green : .cyan, thickness: thickness)
            try canvas.text("TL", at: quad.topLeft, scale: scale, color: .green, thickness: thickness / 2 + 1)
            let label = "\(document.location.format.rawValue) \(String(format: "%.2f", document.location.confidence))"
            try canvas.text(label, at: quad.bottomLeft + Point(x: 0, y: 30 * scale), scale: scale, color: .green, thickness: thickness / 2 + 1)
            if let portrait = document.portraitQuad {
                try canvas.polygon(portrait.corners, color: .yellow, thickness: thickness)
            }
        }
        let lines = (analysis.statuses.isEmpty ? ["OK"] : analysis.statuses.map(\.rawValue)) + analysis.warnings.map(\.rawValue)
        for (index, line) in lines.enumerated() {
            try canvas.text(line, at: Point(x: 20 * scale, y: 40 * scale * Double(index + 1)), scale: scale,
                            color: analysis.statuses.isEmpty ? .green : .red, thickness: thickness / 2 + 1)
        }
        return canvas.image
    }
}

import Foundation
