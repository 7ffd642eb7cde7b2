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
        if let inner = documentOnSheet(best, among: ranked, edges: edges) {
            best = inner
        } else if let cropped = croppedDocument(around: best, among: ranked, edges: edges) {
            best = cropped
        } else if let outer = fullerBorder(of: best, among: ranked) {
            best = outer
        } else if let outer = enclosingDocument(of: best, among: ranked, edges: edges) {
            best = outer
        }
        var chosen = [best]
        for candidate in ranked where candidate.score >= best.score - secondDocumentMargin {
            let overlaps = chosen.contains { separated($0.document.quad, candidate.document.quad) == false }
            if !overlaps { chosen.append(candidate) }
        }
        return joiningParts(of: chosen, among: ranked, edges: edges)
    }

    /// Two chosen quads that abut (no surface between them) and together fill most of a
    /// document-shaped candidate around them are two parts of that document — a card whose
    /// stock barely differs from the desk splits at its most strongly edged inner line (the
    /// portrait's side) into a photo block and a text block. Two documents lying on a desk have
    /// the desk between them, and the quad around both rarely has a document's shape. A quad with
    /// blank margins inside (a sheet of paper with the card on it) is no such document.
    static let partsMinimumCoverage = 0.6
    static let partsMinimumSupport = 0.5
    /// Abutting: each part grown by this share about its centre overlaps the other.
    static let partsAbuttingGrowth = 0.04

    private static func joiningParts(of chosen: [ScoredQuad], among ranked: [ScoredQuad], edges: EdgeMap) -> [ScoredQuad] {
        for i in chosen.indices {
            for j in chosen.indices where j > i {
                let a = chosen[i].document.quad, b = chosen[j].document.quad
                guard abut(a, b) else { continue }
                let whole = ranked.first { outer in
                    !outer.document.isCropped && outer.document.sideSupport.min()! >= partsMinimumSupport
                        && outer.score >= min(chosen[i].score, chosen[j].score) - secondDocumentMargin
                        && contains(outer.document.quad, a) && contains(outer.document.quad, b)
                        && a.area + b.area >= partsMinimumCoverage * outer.document.quad.area
                        && edges.blankInnerBands(of: outer.document.quad) < 2
                }
                guard let whole else { continue }
                var joined = chosen
                joined[i] = whole
                joined.remove(at: j)
                return joiningParts(of: joined, among: ranked, edges: edges)
            }
        }
        return chosen
    }

    private static func abut(_ a: Quad, _ b: Quad) -> Bool {
        grown(a).sharedArea(with: grown(b)) > 0
    }

    private static func grown(_ quad: Quad) -> Quad {
        Quad(quad.corners.map { quad.center + ($0 - quad.center) * (1 + partsAbuttingGrowth) })
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

    /// A card printed with a band along one edge (a dark header) has two parallel lines there;
    /// the border is the outer one. A candidate that keeps two corners of the winner, contains it,
    /// is at most `borderBandGrowth` larger, has every side strongly edged and fits a document
    /// shape better is the whole card (a cut-out copy's paper edge just outside the printed border
    /// makes the shape worse).
    static let borderBandGrowth = 1.35
    static let borderBandMinimumSupport = 0.9

    private static func fullerBorder(of best: ScoredQuad, among ranked: [ScoredQuad]) -> ScoredQuad? {
        let quad = best.document.quad
        let tolerance = 0.02 * max(quad.sideLengths.horizontal, quad.sideLengths.vertical)
        return ranked.first { outer in
            let ratio = outer.document.quad.area / quad.area
            guard ratio > 1.03, ratio <= borderBandGrowth, !outer.document.isCropped,
                  outer.document.sideSupport.min()! >= borderBandMinimumSupport,
                  outer.aspectMismatch < best.aspectMismatch else { return false }
            let shared = outer.document.quad.corners.filter { corner in quad.corners.contains { $0.distance(to: corner) < tolerance } }
            return shared.count == 2 && contains(outer.document.quad, quad)
        }
    }

    /// A winner lying inside a candidate that is edged strongly all round (a side may change
    /// polarity once, where a dark band printed along the card begins), scores nearly as well
    /// and has no blank margins (not a sheet of paper) is a part of that document — its text or
    /// photo block, which a dark band along one edge of the card can make the higher scorer. The
    /// part covers at most `enclosedAreaLimit` of it: a print-out's printed border sits just inside
    /// its cut paper edge (80-95 % of the area) and is the document there.
    static let enclosingMinimumSupport = 0.9
    static let enclosingScoreMargin = 0.45
    static let enclosedAreaLimit = 0.7

    private static func enclosingDocument(of best: ScoredQuad, among ranked: [ScoredQuad], edges: EdgeMap) -> ScoredQuad? {
        guard !best.document.isCropped else { return nil }
        return ranked.first { outer in
            !outer.document.isCropped && outer.score >= best.score - enclosingScoreMargin
                && best.document.quad.area < enclosedAreaLimit * outer.document.quad.area
                && outer.switchedSupport.min()! >= enclosingMinimumSupport
                && contains(outer.document.quad, best.document.quad)
                && edges.blankInnerBands(of: outer.document.quad) < 2
        }
    }

    /// Visible sides of a cropped candidate need this support for it to replace a whole winner.
    static let croppedMinimumSupport = 0.8

    /// A whole winner that lies inside a strongly edged cropped candidate is a part of a document
    /// running off the frame (its portrait, a text block, a quad closed by a line inside it) when the
    /// cropped one would win but for its handicap: the cropped one is the document — unless
    /// it has blank margins inside (a sheet of paper running off the frame, with the card on it).
    private static func croppedDocument(around best: ScoredQuad, among ranked: [ScoredQuad], edges: EdgeMap) -> ScoredQuad? {
        guard !best.document.isCropped else { return nil }
        return ranked.first { outer in
            outer.document.isCropped
                && outer.document.sideSupport.filter { $0 > 0 }.min() ?? 0 >= croppedMinimumSupport
                && outer.score + QuadScorer.croppedPenalty > best.score
                && contains(outer.document.quad, best.document.quad)
                && edges.blankInnerBands(of: outer.document.quad) < 2
        }
    }

    private static func contains(_ outer: Quad, _ inner: Quad) -> Bool {
        inner.sharedArea(with: outer) >= 0.97 * inner.area
    }

    /// True when two quads share (almost) no area.
    private static func separated(_ a: Quad, _ b: Quad) -> Bool {
        a.sharedArea(with: b) < 0.02 * min(a.area, b.area)
    }
}
