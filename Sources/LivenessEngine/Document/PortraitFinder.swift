/// The holder's portrait on a rectified document, and the document's upright direction.
public struct Portrait: Sendable, Codable {
    /// Box in the rectified (upright) document's pixels.
    public var box: Rect
    public var score: Double
}

/// Finds the portrait on a rectified document. A photo does not say which way up the card lies,
/// so the document is tried upright and turned half a turn; a face seen the right way up (for
/// YuNet: its eyes above its mouth) with the best score gives the document's upright direction.
struct PortraitFinder {
    /// The portrait of an ID document covers 5-35 % of its area: smaller faces (ghost images,
    /// faces in a background pattern) are not the portrait.
    var minimumAreaFraction = 0.02
    /// The document is searched at half the canonical resolution (428 x 270 for ID-1): a portrait
    /// is then still over 60 px tall, far above YuNet's smallest face, at a quarter of the cost.
    var searchScale = 0.5

    /// Returns the upright turn (0 or 2 quarter turns) and the portrait, if any.
    func find(on rectified: Mat, detector: FaceDetector) throws -> (turns: Int, portrait: Portrait?) {
        let small = try rectified.resized(width: max(1, Int(Double(rectified.cols) * searchScale)),
                                          height: max(1, Int(Double(rectified.rows) * searchScale)))
        let scale = Double(rectified.cols) / Double(small.cols)
        var best: (turns: Int, portrait: Portrait)?
        for turns in [0, 2] {
            let view = turns == 0 ? small : try small.oriented(exif: 3)
            let documentArea = Double(view.cols * view.rows)
            let faces = try detector.detect(in: view).filter { $0.box.area >= minimumAreaFraction * documentArea && isUpright($0) }
            guard let face = faces.max(by: { $0.score < $1.score }) else { continue }
            if best == nil || face.score > best!.portrait.score {
                let box = Rect(x: face.box.x * scale, y: face.box.y * scale, width: face.box.width * scale, height: face.box.height * scale)
                best = (turns, Portrait(box: box, score: face.score))
            }
        }
        guard let best else { return (0, nil) }
        return (best.turns, best.portrait)
    }

    /// YuNet also fires on upside-down faces; its landmarks tell: the eyes lie above the mouth in
    /// an upright face. (The Haar cascade gives no landmarks and only fires on upright faces.)
    private func isUpright(_ face: DetectedFace) -> Bool {
        guard face.landmarks.count == 5 else { return true }
        let eyes = (face.landmarks[0].y + face.landmarks[1].y) / 2, mouth = (face.landmarks[3].y + face.landmarks[4].y) / 2
        return eyes < mouth
    }
}
