import Foundation

/// Finds identity documents in a photo: candidate quadrilaterals from closed edge contours and
/// from pairs of straight lines, each snapped onto its edges and scored by edge support, closeness
/// to a known document shape and size.
public struct DocumentLocator: Sendable {
    public struct Configuration: Sendable {
        /// Long side of the working image. 640 px keeps a card that fills 15 % of a 1080p frame
        /// about 170 px wide — enough for its border — and bounds the cost of every later step.
        public var workingSize = 640
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
        // Canny on the colour image takes the strongest channel's gradient: a blue card on brown
        // wood has an edge even where both are equally bright.
        let blurred = try small.gaussianBlurred(kernel: 5)
        let field = try GradientField(image: blurred)
        let faint = try blurred.canny(low: 15, high: 45), firm = try blurred.canny(low: 30, high: 90)
        let faintDilated = try faint.morphology(.dilate, kernelWidth: 3, kernelHeight: 3)
        let firmDilated = try firm.morphology(.dilate, kernelWidth: 3, kernelHeight: 3)
        let candidates = try QuadCandidates().generate(from: [faintDilated, firmDilated])
            + LineQuads().generate(edgeMaps: [faint, firm], field: field)
        let scorer = QuadScorer(field: field, configuration: configuration)
        let refiner = SideRefiner()
        let scored = candidates.compactMap { quad -> ScoredQuad? in
            let rough = scorer.score(quad)
            guard let refined = scorer.score(refiner.refine(quad, in: field)) else { return rough }
            guard let rough else { return refined }
            return refined.score >= rough.score ? refined : rough
        }
        let chosen = DocumentSelection.choose(from: scored, edges: try EdgeMap(faintDilated))
        return chosen.map { candidate in
            var document = candidate.document
            document.quad = candidate.document.quad.scaled(by: 1 / scale)
            return document
        }
    }
}
