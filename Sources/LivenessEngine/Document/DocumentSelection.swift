import Foundation

/// Picks the documents among scored candidates: the best one, any others that do not overlap it,
/// and the card rather than the sheet of paper it was copied onto.
enum DocumentSelection {
    /// A second document must score within this margin of the best one.
    static let secondDocumentMargin = 0.6
    /// A document inside a blank-margined winner replaces it when it scores at least this, and
    /// within `innerDocumentMargin` of the winner.
    static let innerDocumentMinimumScore = 0.6
    static let innerDocumentMargin = 0.8
    /// An A4 sheet is 13.5x an ID-1 card's area and 5.7x a passport page's: a document on a sheet
    /// covers a few per cent to a third of it (with margin for cropped sheets).
    static let nestedAreaRange = 0.02...0.6

    static func choose(from candidates: [ScoredQuad], edges: EdgeMap) -> [ScoredQuad] {
        let ranked = candidates.sorted { $0.score > $1.score }
        guard var best = ranked.first else { return [] }
        if let inner = documentOnSheet(best, among: ranked, edges: edges) { best = inner }
        var chosen = [best]
        for candidate in ranked where candidate.score >= best.score - secondDocumentMargin {
            let overlaps = chosen.contains { separated($0.document.quad, candidate.document.quad) == false }
            if !overlaps { chosen.append(candidate) }
        }
        return chosen
    }

    /// When the winner has a blank margin inside at least three of its sides (a sheet of paper)
    /// and holds a well-edged document inside, the inner one is the document.
    private static func documentOnSheet(_ outer: ScoredQuad, among ranked: [ScoredQuad], edges: EdgeMap) -> ScoredQuad? {
        guard !outer.document.isCropped, edges.blankInnerBands(of: outer.document.quad) >= 3 else { return nil }
        return ranked.first { inner in
            let ratio = inner.document.quad.area / outer.document.quad.area
            return inner.score >= max(innerDocumentMinimumScore, outer.score - innerDocumentMargin)
                && nestedAreaRange.contains(ratio) && !inner.document.isCropped
                && contains(outer.document.quad, inner.document.quad)
        }
    }

    private static func contains(_ outer: Quad, _ inner: Quad) -> Bool {
        let clipped = Polygon.area(Polygon.clip(inner.normalised().corners, to: outer.normalised().corners))
        return clipped >= 0.97 * inner.area
    }

    /// True when two quads share (almost) no area.
    private static func separated(_ a: Quad, _ b: Quad) -> Bool {
        let shared = Polygon.area(Polygon.clip(a.normalised().corners, to: b.normalised().corners))
        return shared < 0.02 * min(a.area, b.area)
    }
}
