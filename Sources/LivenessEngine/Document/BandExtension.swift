import Foundation

/// Extends a located card over a printed strip along one of its edges that the best-edged quad
/// left out.
///
/// Physical cue: many cards print a dark or coloured band (a header, a side stripe) right up to
/// one edge, or a portrait with a strong edge of its own near one. Against a desk the band's
/// outer border is often a weaker step than its inner line, where light card stock meets ink,
/// and the two sides that cross the band change polarity there, so the best-edged quad stops at
/// the inner line (or the portrait's edge). The card's true border is then a straight,
/// well-edged line beyond that side, parallel to it, whose two ends continue the card's adjacent
/// sides, closing a strip that is printed (`StripContent`: ink darker than the card stock, or as
/// busy with print as the card — where a copy's blank paper margin would be brighter and empty),
/// and the whole fits a document shape at least as well.
struct BandExtension {
    var support = EdgeSupport()
    /// Strip widths tried, as fractions of the quad's length across the strip (a portrait column
    /// can be a third of a card, half of what is left of it).
    static let widthRange = 0.03...0.6
    /// The strip's outer border and its two ends need this edge support (one polarity each). A
    /// dark band's outer border is a weak step: the desk beside it lies in the card's contact
    /// shadow, as dark as the ink at the foot, so 0.6 of it will do (0.8 missed most passports'
    /// headers: 139 -> 161 of 200 generated cards at IoU 0.95, seed 17; 0.5 lost two real grey
    /// copies to desk lines, 0.6 none). Half of each end will do: the ends run along the band,
    /// where ink meets the desk in as weak a step (0.7: 132 -> 137 of 200, seed 11).
    static let minimumOuterSupport = 0.6
    static let minimumEndSupport = 0.5
    /// A printed strip: median luma below this fraction of the card's, or at least this share of
    /// the card's edge density.
    static let darkness = 0.85
    static let busyness = 0.5
    /// The extended quad's aspect may miss a document format by at most this much more (log
    /// units): a passport page without its header band looks like an ID-1 card.
    static let aspectTolerance = 0.03
    /// Aspect mismatches closer than this are a tie, which the larger quad wins.
    static let aspectTie = 0.005

    /// The quad extended over one printed strip, or two (a header band and a portrait column: each
    /// alone may make the shape worse, both together right), whichever fits a document shape best
    /// (the larger on a tie); nil when none fits at least as well as the quad (within
    /// `aspectTolerance`).
    func extend(_ quad: Quad, in evidence: LocatorEvidence) -> Quad? {
        let quad = quad.normalised()
        let once = strips(of: quad, in: evidence)
        let twice = once.flatMap { strips(of: $0, in: evidence) }
        func mismatch(_ quad: Quad) -> Double {
            DocumentFormat.aspectMismatch(quad.rectangleAspect(inImageOf: Double(evidence.image.cols), height: Double(evidence.image.rows)))
        }
        let limit = mismatch(quad) + Self.aspectTolerance
        let fitting = (once + twice).map { (quad: $0, mismatch: mismatch($0)) }.filter { $0.mismatch <= limit }
        return fitting.min { a, b in
            abs(a.mismatch - b.mismatch) > Self.aspectTie ? a.mismatch < b.mismatch : a.quad.area > b.quad.area
        }?.quad
    }

    /// The quad extended over a printed strip along each side that has one.
    private func strips(of quad: Quad, in evidence: LocatorEvidence) -> [Quad] {
        (0..<4).compactMap { side in
            guard let extended = band(along: side, of: quad, field: evidence.field),
                  let content = StripContent(strip: extended, inside: quad, image: evidence.image, edges: evidence.edges),
                  content.isPrinted(darkness: Self.darkness, busyness: Self.busyness) else { return nil }
            return extended.normalised()
        }
    }

    /// The outer border parallel to side `side` (corners side and side + 1), moved outwards
    /// along the two adjacent sides, whose ends are edged too: the best-edged line of the
    /// outermost run of such lines (a band's lettering can make lines inside it; one edge makes
    /// a run a few pixels wide, as the ridge test looks 2 px either side).
    private func band(along side: Int, of quad: Quad, field: GradientField) -> Quad? {
        let c = quad.corners
        let a = c[side], b = c[(side + 1) % 4], beforeA = c[(side + 3) % 4], afterB = c[(side + 2) % 4]
        let acrossA = a - beforeA, acrossB = b - afterB
        let length = max(acrossA.length, acrossB.length)
        guard length > 10 else { return nil }
        var outermostRun: (quad: Quad, support: Double)?, inRun = false
        var fraction = Self.widthRange.lowerBound
        while fraction <= Self.widthRange.upperBound {
            let outerA = a + acrossA * fraction, outerB = b + acrossB * fraction
            let outer = support.side(from: outerA, to: outerB, in: field, atLeast: Self.minimumOuterSupport)
            if outer.observed >= 1, outer.support >= Self.minimumOuterSupport,
               support.side(from: a, to: outerA, in: field, atLeast: Self.minimumEndSupport).support >= Self.minimumEndSupport,
               support.side(from: outerB, to: b, in: field, atLeast: Self.minimumEndSupport).support >= Self.minimumEndSupport {
                if !inRun || outer.support > outermostRun?.support ?? 0 {
                    var corners = c
                    corners[side] = outerA
                    corners[(side + 1) % 4] = outerB
                    outermostRun = (Quad(corners), outer.support)
                }
                inRun = true
            } else {
                inRun = false
            }
            fraction += 1 / length
        }
        return outermostRun?.quad
    }
}
