import Foundation

/// Extends a located card over a dark band printed along one of its edges.
///
/// Physical cue: many cards print a dark or coloured band (a header, a side stripe) right up to
/// one edge. Against a mid-tone desk the band's outer border is often a weaker step than its
/// inner line, where light card stock meets ink, and the two sides that cross the band change
/// polarity there, so the best-edged quad stops at the inner line. The card's true border is then
/// a straight, well-edged line just outside that side, closing a strip darker than the card stock
/// (ink, where a copy's blank paper margin would be brighter), whose two ends continue the card's
/// adjacent sides, and the whole fits a document shape at least as well.
struct BandExtension {
    var support = EdgeSupport()
    /// Band widths tried, as fractions of the card's length across the band.
    static let widthRange = 0.03...0.35
    /// The band's outer border and its two ends need this edge support (one polarity each).
    static let minimumOuterSupport = 0.8
    static let minimumEndSupport = 0.7
    /// The strip's median luma is below this fraction of the card's.
    static let darkness = 0.85
    /// The extended quad's aspect may miss a document format by at most this much more (log
    /// units): a passport page without its header band looks like an ID-1 card.
    static let aspectTolerance = 0.03

    /// The quad extended over a band along one side, or nil when no side has one.
    func extend(_ quad: Quad, field: GradientField, image: Mat) -> Quad? {
        let quad = quad.normalised()
        let mismatch = DocumentFormat.aspectMismatch(quad.aspectRatio)
        var best: (quad: Quad, support: Double)?
        for side in 0..<4 {
            guard let found = band(along: side, of: quad, field: field),
                  DocumentFormat.aspectMismatch(found.quad.aspectRatio) <= mismatch + Self.aspectTolerance,
                  found.support > best?.support ?? 0,
                  let tones = image.lumaMedians(strip: found.quad, inside: quad),
                  Double(tones.strip) < Self.darkness * Double(tones.inner) else { continue }
            best = found
        }
        return best?.quad
    }

    /// The outer border parallel to side `side` (corners side and side + 1), moved outwards
    /// along the two adjacent sides, whose ends are edged too: the best-edged line of the
    /// outermost run of such lines (a band's lettering can make lines inside it; one edge makes
    /// a run a few pixels wide, as the ridge test looks 2 px either side).
    private func band(along side: Int, of quad: Quad, field: GradientField) -> (quad: Quad, support: Double)? {
        let c = quad.corners
        let a = c[side], b = c[(side + 1) % 4], beforeA = c[(side + 3) % 4], afterB = c[(side + 2) % 4]
        let acrossA = a - beforeA, acrossB = b - afterB
        let length = max(acrossA.length, acrossB.length)
        guard length > 10 else { return nil }
        var outermostRun: (quad: Quad, support: Double)?, inRun = false
        var fraction = Self.widthRange.lowerBound
        while fraction <= Self.widthRange.upperBound {
            let outerA = a + acrossA * fraction, outerB = b + acrossB * fraction
            let outer = support.side(from: outerA, to: outerB, in: field)
            if outer.observed >= 1, outer.support >= Self.minimumOuterSupport,
               support.side(from: a, to: outerA, in: field).support >= Self.minimumEndSupport,
               support.side(from: outerB, to: b, in: field).support >= Self.minimumEndSupport {
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
        return outermostRun
    }
}

extension Quad {
    /// Long over short mean side length.
    var aspectRatio: Double {
        let lengths = sideLengths
        return max(lengths.horizontal, lengths.vertical) / max(1, min(lengths.horizontal, lengths.vertical))
    }
}
