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
        public var minimumMeanSupport = 0.7
        /// Largest accepted log-distance of the aspect ratio from a known format (0.25 = 28 %).
        public var maximumAspectMismatch = 0.25
        public init() {}
    }

    public var configuration: Configuration
    public init(configuration: Configuration = .init()) { self.configuration = configuration }

    /// Documents found, best first (empty when none).
    public func locate(in image: Mat) throws -> [LocatedDocument] {
        let ranking = try rank(image)
        let evidence = ranking.evidence
        let scorer = QuadScorer(field: evidence.field, configuration: configuration)
        return DocumentSelection.choose(from: ranking.candidates, edges: evidence.edges).map { chosen in
            guard !chosen.document.isCropped,
                  let extended = BandExtension().extend(chosen.document.quad, in: evidence),
                  let rescored = scorer.score(extended) else { return ranking.inPhoto(chosen.document) }
            return ranking.inPhoto(rescored.document)
        }
    }

    /// The best `limit` scored candidates, one line each (for `liveness check --candidates`):
    /// what the locator weighed, in photo pixels.
    public func candidateSummary(in image: Mat, limit: Int) throws -> [String] {
        let ranking = try rank(image)
        return ranking.candidates.sorted { $0.score > $1.score }.prefix(limit).map { ranking.describe($0) }
    }

    /// How the locator scores a quad of your choosing (photo pixels), as given and snapped onto its
    /// edges (for `liveness check --score-quad`): why a document was not found.
    public func quadSummary(_ quad: Quad, in image: Mat) throws -> [String] {
        // Only the evidence: the candidates play no part in scoring a given quad.
        let ranking = Ranking(candidates: [], evidence: try LocatorEvidence(photo: image, workingSize: configuration.workingSize))
        let working = quad.scaled(by: ranking.evidence.scale)
        let scorer = QuadScorer(field: ranking.evidence.field, configuration: configuration)
        let refined = SideRefiner().refine(working, in: ranking.evidence.field)
        return [("given", working), ("refined", refined)].map { name, candidate in
            if let scored = scorer.score(candidate) { return "\(name)  " + ranking.describe(scored) }
            let normalised = candidate.normalised()
            return "\(name)  rejected  sides " + scorer.sides(of: normalised).map { String(format: "%.2f", $0.support) }.joined(separator: "/")
                + String(format: "  aspect %.2f", scorer.view(of: normalised).aspect)
        }
    }

    private struct Ranking {
        var candidates: [ScoredQuad]
        var evidence: LocatorEvidence

        /// One line: score, aspect, whether cropped, side supports, polarities, corners (photo pixels).
        func describe(_ candidate: ScoredQuad) -> String {
            let corners = inPhoto(candidate.document).quad.corners.map { "(\(Int($0.x)),\(Int($0.y)))" }.joined(separator: " ")
            let sides = candidate.document.sideSupport.map { String(format: "%.2f", $0) }.joined(separator: "/")
            return String(format: "score %.2f  aspect %.2f  %@  sides %@  polarity %@  %@", candidate.score, candidate.document.aspectRatio,
                          candidate.document.isCropped ? "cropped" : "whole", sides,
                          candidate.polarities.map(String.init).joined(separator: ","), corners)
        }

        func inPhoto(_ document: LocatedDocument) -> LocatedDocument {
            var document = document
            document.quad = document.quad.scaled(by: 1 / evidence.scale)
            return document
        }
    }

    private func rank(_ image: Mat) throws -> Ranking {
        let evidence = try LocatorEvidence(photo: image, workingSize: configuration.workingSize)
        let field = evidence.field
        let candidates = try QuadCandidates().generate(from: [evidence.faintDilated, evidence.firmDilated, QuadCandidates.closedAtFrame(evidence.firmDilated)])
            + LineQuads().generate(edgeMaps: [evidence.faint, evidence.firm], field: field)
        let scorer = QuadScorer(field: field, configuration: configuration)
        let refiner = SideRefiner()
        let scored = distinct(candidates).compactMap { quad -> ScoredQuad? in
            let rough = scorer.score(quad)
            guard let refined = scorer.score(refiner.refine(quad, in: field)) else { return rough }
            guard let rough else { return refined }
            return refined.score >= rough.score ? refined : rough
        }
        return Ranking(candidates: scored, evidence: evidence)
    }

    /// Candidates with their corners on a 2 px grid, each once: the edge maps and the line pairs
    /// often propose the same quad.
    private func distinct(_ quads: [Quad]) -> [Quad] {
        var seen = Set<[Int]>()
        return quads.filter { seen.insert($0.corners.flatMap { [Int(($0.x / 2).rounded()), Int(($0.y / 2).rounded())] }).inserted }
    }
}
