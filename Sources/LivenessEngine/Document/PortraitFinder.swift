/// The holder's portrait on a rectified document, and the document's upright direction.
public struct Portrait: Sendable, Codable {
    /// Box in the rectified (upright) document's pixels.
    public var box: Rect
    public var score: Double
}

/// Finds the portrait on a rectified document. A photo does not say which way up the card lies,
/// so the document is tried upright and turned half a turn; the face detectors only fire on
/// upright faces, so the turn that shows a face is the document's upright direction.
struct PortraitFinder {
    /// The portrait of an ID document covers 5-35 % of its area: smaller faces (ghost images,
    /// faces in a background pattern) are not the portrait.
    var minimumAreaFraction = 0.02

    /// Returns the upright turn (0 or 2 quarter turns) and the portrait, if any.
    func find(on rectified: Mat, detector: FaceDetector) throws -> (turns: Int, portrait: Portrait?) {
        if detector.backend == .yunet { return try findByLandmarks(on: rectified, detector: detector) }
        var best: (turns: Int, portrait: Portrait)?
        for turns in [0, 2] {
            let view = turns == 0 ? rectified : try rectified.oriented(exif: 3)
            let documentArea = Double(view.cols * view.rows)
            guard let face = try detector.detect(in: view).first(where: { $0.box.area >= minimumAreaFraction * documentArea }) else { continue }
            if best == nil || face.score > best!.portrait.score {
                best = (turns, Portrait(box: face.box, score: face.score))
            }
        }
        guard let best else { return (0, nil) }
        return (best.turns, best.portrait)
    }

    /// YuNet also finds faces upside down; its landmarks say which way is up (the eyes lie above
    /// the mouth in an upright face).
    private func findByLandmarks(on rectified: Mat, detector: FaceDetector) throws -> (turns: Int, portrait: Portrait?) {
        let documentArea = Double(rectified.cols * rectified.rows)
        guard let face = try detector.detect(in: rectified).first(where: { $0.box.area >= minimumAreaFraction * documentArea }),
              face.landmarks.count == 5 else { return (0, nil) }
        let eyes = (face.landmarks[0].y + face.landmarks[1].y) / 2, mouth = (face.landmarks[3].y + face.landmarks[4].y) / 2
        guard eyes > mouth else { return (0, Portrait(box: face.box, score: face.score)) }
        let box = Rect(x: Double(rectified.cols) - face.box.x - face.box.width, y: Double(rectified.rows) - face.box.y - face.box.height,
                       width: face.box.width, height: face.box.height)
        return (2, Portrait(box: box, score: face.score))
    }
}
