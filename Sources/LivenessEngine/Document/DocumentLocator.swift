import Foundation

/// Finds identity documents in a photo: candidate quadrilaterals from edges and straight lines,
/// each scored by edge support, closeness to a known document shape and size.
public struct DocumentLocator: Sendable {
    public struct Configuration: Sendable {
        /// Long side of the working image. 800 px keeps a card that fills 15 % of a 1080p frame
        /// about 200 px wide — enough for its border — and keeps locating near 10 ms.
        public var workingSize = 800
        /// A candidate is a document only if its weakest side has at least this edge support and
        /// its sides on average at least `minimumMeanSupport` (fractions of sampled points).
        public var minimumSideSupport = 0.3
        public var minimumMeanSupport = 0.6
        /// Largest accepted log-distance of the aspect ratio from a known format (0.25 = 28 %).
        public var maximumAspectMismatch = 0.25
        public init() {}
    }

    public var configuration: Configuration
    public init(configuration: Configuration = .init()) { self.configuration = configuration }

    /// Documents found, best first (empty when none).
    public func locate(in image: Mat) throws -> [LocatedDocument] {
        let (small, scale) = try image.fitting(maxSide: configuration.workingSize)
        let blurred = try small.grey().gaussianBlurred(kernel: 5)
        let field = try GradientField(grey: blurred)
        let scorer = QuadScorer(field: field, configuration: configuration)
        let scored = try QuadCandidates().generate(blurred: blurred).compactMap(scorer.score)
        let chosen = DocumentSelection.choose(from: scored)
        return chosen.map { candidate in
            var document = candidate.document
            document.quad = candidate.document.quad.scaled(by: 1 / scale)
            return document
        }
    }
}

/// A scored candidate quad (in working-image pixels).
struct ScoredQuad {
    var document: LocatedDocument
    var score: Double
    var aspectMismatch: Double
}

/// Scores a quad: sum of the weakest and the mean side support, minus an aspect penalty, plus a
/// mild preference for larger quads (the portrait box and text blocks inside a card are smaller
/// rectangles with good edges; the card itself is the largest well-edged one).
struct QuadScorer {
    let field: GradientField
    let configuration: DocumentLocator.Configuration
    var support = EdgeSupport()

    func score(_ quad: Quad) -> ScoredQuad? {
        let frameArea = Double(field.width * field.height)
        let sides = (0..<4).map { support.support(from: quad.corners[$0], to: quad.corners[($0 + 1) % 4], in: field) }
        let weakest = sides.min()!, mean = sides.reduce(0, +) / 4
        guard weakest >= configuration.minimumSideSupport, mean >= configuration.minimumMeanSupport else { return nil }
        let lengths = quad.sideLengths
        let aspect = max(lengths.horizontal, lengths.vertical) / max(1, min(lengths.horizontal, lengths.vertical))
        let mismatch = DocumentFormat.aspectMismatch(aspect)
        guard mismatch <= configuration.maximumAspectMismatch else { return nil }
        let score = weakest + mean - 3 * max(0, mismatch - 0.05) + 0.25 * log(quad.area / frameArea)
        let confidence = min(1, max(0, mean * (1 - mismatch / configuration.maximumAspectMismatch * 0.5)))
        let oriented = lengths.horizontal >= lengths.vertical ? quad : quad.rotated(by: 3)
        let document = LocatedDocument(quad: oriented, confidence: confidence, format: .guess(aspect: aspect),
                                       aspectRatio: aspect, sideSupport: sides)
        return ScoredQuad(document: document, score: score, aspectMismatch: mismatch)
    }
}
