import Foundation

/// A scored candidate quad (in working-image pixels).
struct ScoredQuad {
    var document: LocatedDocument
    var score: Double
    var aspectMismatch: Double
    /// Edge polarity of each side (+1 brighter outside, -1 darker outside, for a clockwise quad).
    var polarities: [Int]
    /// Each side's support when its polarity may switch once (see `EdgeSupport.Side`).
    var switchedSupport: [Double]
}

/// Scores a quad: the weakest plus the mean side support, minus penalties for an unknown shape and
/// for corners perspective cannot produce, plus a mild preference for larger quads (the portrait
/// box and text blocks inside a card are smaller rectangles with good edges; the card itself is the
/// largest well-edged one) and a bonus when all four sides have one polarity (one object brighter
/// or darker than everything around it, unlike a quad stitched from unrelated lines).
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
    /// A card tilted by up to ~35 degrees keeps its corners within 20 degrees of square.
    static let maximumCornerDeviation = 0.35
    /// A document photographed more than 50 degrees off square-on is out of focus at its far end
    /// and unreadable; a quad that would need such a tilt to be a rectangle is some other shape
    /// (a trapezoid of page columns).
    static let maximumTilt = 50 * Double.pi / 180
    static let uniformPolarityBonus = 0.4

    /// Edge evidence, shape and size (see the type's comment), shared with the line-pair ranking:
    /// weakest plus mean side support, 3 per unit of log-aspect beyond 0.06 from ID-1/ID-3, and
    /// 0.25 per unit of log-area.
    static func evidenceScore(weakest: Double, mean: Double, aspectMismatch: Double, areaFraction: Double) -> Double {
        weakest + mean - 3 * max(0, aspectMismatch - 0.06) + 0.25 * log(areaFraction)
    }

    /// Each side's edge evidence (TL->TR, TR->BR, BR->BL, BL->TL of the quad as given).
    func sides(of quad: Quad) -> [EdgeSupport.Side] {
        (0..<4).map { support.side(from: quad.corners[$0], to: quad.corners[($0 + 1) % 4], in: field) }
    }

    /// The true aspect and tilt of the rectangle the quad is a photo of (`Quad.rectangleView`).
    func view(of quad: Quad) -> (aspect: Double, tilt: Double?) {
        quad.rectangleView(inImageOf: Double(field.width), height: Double(field.height))
    }

    func score(_ quad: Quad) -> ScoredQuad? {
        let quad = quad.normalised()
        guard quad.isConvex else { return nil }
        let frameArea = Double(field.width * field.height)
        let sides = sides(of: quad)
        let visibleSides = sides.filter { $0.observed >= Self.visibleFraction }
        let visible = visibleSides.map(\.support)
        let cropped = visible.count < 4 || quad.corners.contains { !Self.isInFrame($0, width: field.width, height: field.height) }
        guard visible.count >= 2 else { return nil }
        let weakest = visible.min()!, mean = visible.reduce(0, +) / Double(visible.count)
        let lengths = quad.sideLengths
        let view = view(of: quad)
        let aspect = view.aspect
        let mismatch = DocumentFormat.aspectMismatch(aspect)
        let areaFraction = quad.area / frameArea
        var score: Double
        if cropped {
            guard weakest >= 0.5, mean >= 0.7, aspect < 2.5 else { return nil }
            score = Self.evidenceScore(weakest: weakest, mean: mean, aspectMismatch: 0, areaFraction: areaFraction) - Self.croppedPenalty
        } else {
            guard weakest >= configuration.minimumSideSupport, mean >= configuration.minimumMeanSupport,
                  mismatch <= configuration.maximumAspectMismatch, areaFraction >= 0.01 else { return nil }
            score = Self.evidenceScore(weakest: weakest, mean: mean, aspectMismatch: mismatch, areaFraction: areaFraction)
            score -= 3 * max(0, quad.cornerDeviation - Self.maximumCornerDeviation)
            score -= 3 * max(0, (view.tilt ?? 0) - Self.maximumTilt)
            if Set(sides.map(\.polarity)).count == 1 { score += Self.uniformPolarityBonus }
        }
        let confidence = min(1, max(0, mean * (1 - min(mismatch, configuration.maximumAspectMismatch) / configuration.maximumAspectMismatch * 0.5)))
        let oriented = lengths.horizontal >= lengths.vertical ? quad : quad.rotated(by: 3)
        let document = LocatedDocument(quad: oriented, confidence: confidence, format: cropped ? .unknown : .guess(aspect: aspect),
                                       aspectRatio: aspect, sideSupport: sides.map(\.support), isCropped: cropped)
        return ScoredQuad(document: document, score: score, aspectMismatch: cropped ? 1 : mismatch, polarities: sides.map(\.polarity),
                          switchedSupport: sides.map(\.switchedSupport))
    }

    /// A corner this close outside the frame (2 px) is still on it: the quad is whole.
    static func isInFrame(_ p: Point, width: Int, height: Int) -> Bool {
        p.x >= -2 && p.y >= -2 && p.x <= Double(width) + 1 && p.y <= Double(height) + 1
    }
}

extension Quad {
    /// Largest deviation of an interior angle from a right angle, in radians.
    var cornerDeviation: Double {
        (0..<4).map { i -> Double in
            let a = corners[(i + 3) % 4] - corners[i], b = corners[(i + 1) % 4] - corners[i]
            let cosine = Point.dot(a, b) / max(1e-9, a.length * b.length)
            return abs(acos(min(1, max(-1, cosine))) - .pi / 2)
        }.max()!
    }
}

