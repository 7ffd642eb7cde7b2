import LivenessTestSupport
import Testing
@testable import LivenessEngine

/// The choice among scored candidates when a card splits into parts: a card whose stock matches
/// the desk tone is best edged at its portrait's side, leaving a photo block and a text block
/// that abut; the quad around both, though weaker, is the card. Two cards apart on a desk stay two.
struct DocumentSelectionTests {
    /// A candidate as the scorer would make it (the scores and supports are the selection's inputs).
    private func candidate(_ corners: [(Double, Double)], score: Double, support: Double) -> ScoredQuad {
        let quad = Quad(corners.map { Point(x: $0.0, y: $0.1) })
        let document = LocatedDocument(quad: quad, confidence: support, format: .id1, aspectRatio: quad.aspectRatio,
                                       sideSupport: [support, support, support, support], isCropped: false)
        return ScoredQuad(document: document, score: score, aspectMismatch: 0.05, polarities: [1, 1, 1, 1],
                          switchedSupport: [support, support, support, support])
    }

    /// Edges everywhere: no candidate has blank margins (no sheet of paper).
    private func busyEdges() throws -> EdgeMap {
        EdgeMap(try Mat(width: 640, height: 480, channels: 1, bytes: [UInt8](repeating: 255, count: 640 * 480)))
    }

    /// A card's photo block and the text block beside it, sharing the photo's right side.
    private var parts: [ScoredQuad] {
        [candidate([(100, 100), (200, 100), (200, 230), (100, 230)], score: 1.6, support: 1),
         candidate([(200, 100), (400, 100), (400, 250), (200, 250)], score: 1.65, support: 1)]
    }

    @Test("a photo block and a text block that abut are joined into the card around them")
    func joinsAbuttingParts() throws {
        let card = candidate([(90, 80), (405, 80), (405, 280), (90, 280)], score: 1.3, support: 0.65)
        let chosen = DocumentSelection.choose(from: parts + [card], edges: try busyEdges())
        #expect(chosen.count == 1)
        #expect(chosen.first?.document.quad.intersectionOverUnion(card.document.quad) ?? 0 > 0.99)
    }

    @Test("two cards with desk between them stay two documents")
    func keepsSeparateCards() throws {
        // 20 px of desk between them; together they fill 90 % of the quad around them.
        let left = candidate([(40, 100), (240, 100), (240, 226), (40, 226)], score: 1.6, support: 1)
        let right = candidate([(260, 100), (460, 100), (460, 226), (260, 226)], score: 1.6, support: 1)
        let around = candidate([(40, 96), (460, 96), (460, 230), (40, 230)], score: 1.3, support: 0.65)
        let chosen = DocumentSelection.choose(from: [left, right, around], edges: try busyEdges())
        #expect(chosen.count == 2)
    }

    @Test("parts are not joined into a quad that barely has an outline")
    func needsAnOutline() throws {
        let weak = candidate([(90, 80), (405, 80), (405, 280), (90, 280)], score: 1.3, support: 0.4)
        #expect(DocumentSelection.choose(from: parts + [weak], edges: try busyEdges()).count == 2)
    }
}
