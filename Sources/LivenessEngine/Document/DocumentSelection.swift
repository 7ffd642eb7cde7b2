/// Picks the documents among scored candidates: the best one, any others that do not overlap it,
/// and the card rather than the A4 sheet it was copied onto.
enum DocumentSelection {
    /// A second document must score within this margin of the best one.
    static let secondDocumentMargin = 0.6
    /// An A4 sheet is 210 x 297 mm: its area is 13.5x an ID-1 card's and 5.7x a passport page's,
    /// so a document on it covers 3-35 % of the sheet.
    static let nestedAreaRange = 0.03...0.35
    /// 297/210 = sqrt(2): the aspect of a sheet of ISO 216 paper.
    static let paperAspect = 1.4142

    static func choose(from candidates: [ScoredQuad]) -> [ScoredQuad] {
        let ranked = candidates.sorted { $0.score > $1.score }
        guard var best = ranked.first else { return [] }
        if let inner = documentOnSheet(best, among: ranked) { best = inner }
        var chosen = [best]
        for candidate in ranked where candidate.score >= best.score - secondDocumentMargin {
            let overlaps = chosen.contains { separated($0.document.quad, candidate.document.quad) == false }
            if !overlaps { chosen.append(candidate) }
        }
        return chosen
    }

    /// When the winner is shaped like a sheet of paper and holds a well-shaped document inside, the
    /// inner one is the document (a copy still on its A4 sheet).
    private static func documentOnSheet(_ outer: ScoredQuad, among ranked: [ScoredQuad]) -> ScoredQuad? {
        guard abs(log(outer.document.aspectRatio / paperAspect)) < 0.04 else { return nil }
        return ranked.first { inner in
            let ratio = inner.document.quad.area / outer.document.quad.area
            return nestedAreaRange.contains(ratio) && inner.aspectMismatch < 0.06
                && contains(outer.document.quad, inner.document.quad)
        }
    }

    private static func contains(_ outer: Quad, _ inner: Quad) -> Bool {
        let clipped = Polygon.area(Polygon.clip(inner.normalised().corners, to: outer.normalised().corners))
        return clipped >= 0.95 * inner.area
    }

    /// True when two quads share (almost) no area.
    private static func separated(_ a: Quad, _ b: Quad) -> Bool {
        let shared = Polygon.area(Polygon.clip(a.normalised().corners, to: b.normalised().corners))
        return shared < 0.02 * min(a.area, b.area)
    }
}

import Foundation
