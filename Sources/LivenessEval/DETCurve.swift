import Foundation

/// A detection-error trade-off curve: BPCER against APCER over every threshold, drawn as SVG on
/// normal-deviate axes (ISO/IEC 30107-3 reports; two Gaussian score distributions give a line).
public struct DETCurve: Sendable {
    public struct Point: Sendable, Equatable {
        public var threshold: Double
        public var apcer: Double
        public var bpcer: Double
    }

    public let label: String
    public let points: [Point]

    public init(label: String, rates: ErrorRates) {
        self.label = label
        points = rates.candidateThresholds.map { Point(threshold: $0, apcer: rates.apcer(at: $0), bpcer: rates.bpcer(at: $0)) }
    }

    /// The SVG of one or more curves on shared axes from 0.1 % to 60 %.
    public static func svg(_ curves: [DETCurve], title: String) -> String {
        let size = 480.0, margin = 56.0
        let ticks = [0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.4, 0.6]
        let low = NormalDeviate.quantile(ticks.first!), high = NormalDeviate.quantile(ticks.last!)
        func position(_ rate: Double) -> Double {
            let clamped = min(max(rate, ticks.first!), ticks.last!)
            return (NormalDeviate.quantile(clamped) - low) / (high - low) * size
        }
        func x(_ rate: Double) -> Double { margin + position(rate) }
        func y(_ rate: Double) -> Double { margin + size - position(rate) }
        let colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(size + 2 * margin + 160))" height="\(Int(size + 2 * margin))" font-family="sans-serif" font-size="11">
        <text x="\(margin)" y="20" font-size="13">\(escape(title))</text>
        <rect x="\(margin)" y="\(margin)" width="\(size)" height="\(size)" fill="none" stroke="#000"/>

        """
        for tick in ticks {
            let label = tick < 0.01 ? String(format: "%.1f%%", tick * 100) : String(format: "%.0f%%", tick * 100)
            svg += "<line x1=\"\(format(x(tick)))\" y1=\"\(margin)\" x2=\"\(format(x(tick)))\" y2=\"\(margin + size)\" stroke=\"#ddd\"/>"
            svg += "<line x1=\"\(margin)\" y1=\"\(format(y(tick)))\" x2=\"\(margin + size)\" y2=\"\(format(y(tick)))\" stroke=\"#ddd\"/>\n"
            svg += "<text x=\"\(format(x(tick)))\" y=\"\(margin + size + 14)\" text-anchor=\"middle\">\(label)</text>"
            svg += "<text x=\"\(margin - 4)\" y=\"\(format(y(tick) + 4))\" text-anchor=\"end\">\(label)</text>\n"
        }
        svg += "<text x=\"\(margin + size / 2)\" y=\"\(margin + size + 32)\" text-anchor=\"middle\">APCER</text>\n"
        svg += "<text x=\"14\" y=\"\(margin + size / 2)\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(margin + size / 2))\">BPCER</text>\n"
        for (index, curve) in curves.enumerated() {
            let colour = colours[index % colours.count]
            let path = curve.points.map { "\(format(x($0.apcer))),\(format(y($0.bpcer)))" }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\"\(path)\"/>\n"
            let legendY = margin + 14 * Double(index)
            svg += "<line x1=\"\(margin + size + 12)\" y1=\"\(legendY)\" x2=\"\(margin + size + 32)\" y2=\"\(legendY)\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
            svg += "<text x=\"\(margin + size + 36)\" y=\"\(legendY + 4)\">\(escape(curve.label))</text>\n"
        }
        return svg + "</svg>\n"
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
