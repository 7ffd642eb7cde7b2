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
        let blurredColour = try small.gaussianBlurred(kernel: 5)
        let blurred = try blurredColour.grey()
        let field = try GradientField(image: blurredColour)
        let scorer = QuadScorer(field: field, configuration: configuration)
        // Lab's b* channel separates blue and yellow-brown: a coloured card on wood or a desk
        // whose grey levels match the background still has a border there.
        let chroma = try blurredColour.converted(.bgrToLab).channel(2)
        let candidates = try QuadCandidates().generate(blurred: blurred) + QuadCandidates(cannyThresholds: [(8, 24)]).generate(blurred: chroma)
        let scored = candidates.compactMap(scorer.score)
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
///
/// A quad with sides outside the frame (or along its border) is a cropped document when its
/// visible sides are strongly edged; its shape cannot be checked, and it ranks below any whole one.
struct QuadScorer {
    let field: GradientField
    let configuration: DocumentLocator.Configuration
    var support = EdgeSupport()
    /// A side with fewer than this fraction of its samples inside the frame is not visible.
    static let visibleFraction = 0.3
    /// Score handicap of a cropped candidate, so that any whole document outranks it.
    static let croppedPenalty = 0.8

    func score(_ quad: Quad) -> ScoredQuad? {
        let frameArea = Double(field.width * field.height)
        let sides = (0..<4).map { support.side(from: quad.corners[$0], to: quad.corners[($0 + 1) % 4], in: field) }
        let visible = sides.filter { $0.observed >= Self.visibleFraction }.map(\.support)
        let cropped = visible.count < 4 || quad.corners.contains { !inFrame($0) }
        guard visible.count >= 2 else { return nil }
        let weakest = visible.min()!, mean = visible.reduce(0, +) / Double(visible.count)
        let lengths = quad.sideLengths
        let aspect = max(lengths.horizontal, lengths.vertical) / max(1, min(lengths.horizontal, lengths.vertical))
        let mismatch = DocumentFormat.aspectMismatch(aspect)
        var score = weakest + mean + 0.25 * log(quad.area / frameArea)
        if cropped {
            guard weakest >= 0.5, mean >= 0.7, aspect < 2.5 else { return nil }
            score -= Self.croppedPenalty
        } else {
            guard weakest >= configuration.minimumSideSupport, mean >= configuration.minimumMeanSupport,
                  mismatch <= configuration.maximumAspectMismatch else { return nil }
            score -= 3 * max(0, mismatch - 0.05)
        }
        let confidence = min(1, max(0, mean * (1 - min(mismatch, configuration.maximumAspectMismatch) / configuration.maximumAspectMismatch * 0.5)))
        let oriented = lengths.horizontal >= lengths.vertical ? quad : quad.rotated(by: 3)
        let document = LocatedDocument(quad: oriented, confidence: confidence, format: cropped ? .unknown : .guess(aspect: aspect),
                                       aspectRatio: aspect, sideSupport: sides.map(\.support), isCropped: cropped)
        return ScoredQuad(document: document, score: score, aspectMismatch: cropped ? 1 : mismatch)
    }

    private func inFrame(_ p: Point) -> Bool {
        p.x >= -2 && p.y >= -2 && p.x <= Double(field.width) + 1 && p.y <= Double(field.height) + 1
    }
}
