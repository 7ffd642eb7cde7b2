/// The holder's portrait on a rectified document, and the document's upright direction.
public struct Portrait: Sendable, Codable {
    /// Box in the rectified (upright) document's pixels.
    public var box: Rect
    public var score: Double
}

/// Finds the portrait on a rectified document, and the document's upright direction (a photo does
/// not say which way up the card lies).
///
/// With YuNet, one search: YuNet finds faces upside down too (and then reports landmarks that look
/// upright, so they cannot tell), so the direction comes from where the portrait sits: ICAO 9303
/// puts it in the left part of every machine-readable document (TD1 cards, TD3 passport pages),
/// and national ID-1 cards follow. A portrait in the right half means the document lies upside
/// down. (When YuNet misses the face one way up, the document is searched turned half a turn.)
/// The Haar cascade only fires on upright faces, so there the document is searched upright
/// and turned half a turn, and the turn that shows a face wins.
struct PortraitFinder {
    /// The portrait of an ID document covers 5-35 % of its area: smaller faces (ghost images,
    /// faces in a background pattern) are not the portrait.
    var minimumAreaFraction = 0.02
    /// The document is searched at half the canonical resolution (428 x 270 for ID-1): a portrait
    /// is then still over 60 px tall, far above YuNet's smallest face, at a quarter of the cost.
    var searchScale = 0.25

    /// Returns the upright turn (0 or 2 quarter turns) and the portrait (in the upright document's
    /// pixels), if any.
    func find(on rectified: Mat, detector: FaceDetector) throws -> (turns: Int, portrait: Portrait?) {
        let small = try rectified.resized(width: max(1, Int(Double(rectified.cols) * searchScale)),
                                          height: max(1, Int(Double(rectified.rows) * searchScale)))
        let scale = Double(rectified.cols) / Double(small.cols)
        var best: (turns: Int, portrait: Portrait)?
        for turn in [0, 2] where best == nil || detector.backend == .haarCascade {
            let view = turn == 0 ? small : try small.oriented(exif: 3)
            let documentArea = Double(view.cols * view.rows)
            guard let face = try detector.detect(in: view).filter({ $0.box.area >= minimumAreaFraction * documentArea })
                .max(by: { $0.score < $1.score }) else { continue }
            if best == nil || face.score > best!.portrait.score {
                let box = Rect(x: face.box.x * scale, y: face.box.y * scale, width: face.box.width * scale, height: face.box.height * scale)
                best = (turn, Portrait(box: box, score: face.score))
            }
        }
        guard var best else { return (0, nil) }
        if detector.backend == .yunet, best.portrait.box.center.x > Double(rectified.cols) / 2 {
            let box = best.portrait.box
            best.turns = (best.turns + 2) % 4
            best.portrait.box = Rect(x: Double(rectified.cols) - box.x - box.width, y: Double(rectified.rows) - box.y - box.height,
                                     width: box.width, height: box.height)
        }
        return (best.turns, best.portrait)
    }
}
