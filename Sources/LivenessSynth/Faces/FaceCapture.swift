import COpenCVShim
import Foundation
import LivenessEngine

/// The camera of a face check: a webcam or a phone's front camera, 640 x 480 up to 1920 x 1080,
/// landscape or portrait. Scenes are drawn on the sensor's grid (twice the output's, as in
/// `CameraCapture`) and captured by the same sensor model, so bona fide and attack images differ
/// only in what stood in front of the lens.
enum FaceCapture {
    static let outputSizes = [(640, 480), (1280, 720), (1920, 1080)]

    struct Frame {
        var width: Int
        var height: Int
        /// Sensor pixels per output pixel.
        var supersample: Double
        var sceneWidth: Int { Int(Double(width) * supersample) }
        var sceneHeight: Int { Int(Double(height) * supersample) }
        /// Scene pixels to output pixels.
        var toOutput: [Double] { [1 / supersample, 0, 0, 0, 1 / supersample, 0, 0, 0, 1] }
    }

    static func frame(maximumSide: Int, random: inout SynthRandom) -> Frame {
        let sizes = outputSizes.filter { max($0.0, $0.1) <= maximumSide }
        var (width, height) = random.pick(sizes.isEmpty ? [outputSizes[0]] : sizes)
        // Webcams are landscape; a phone's front camera is mostly held upright.
        if random.chance(0.5) { swap(&width, &height) }
        return Frame(width: width, height: height, supersample: 2)
    }

    /// The frame turned to the other orientation when, in the drawn one, the photo cannot be
    /// cropped wide enough for its face to fill at most 60 % of the frame's height (a close
    /// head-and-shoulders portrait in a landscape frame): people hold the camera to suit.
    static func suited(_ frame: Frame, to source: FaceSource) -> Frame {
        func smallestFraction(_ f: Frame) -> Double {
            source.face.height / min(Double(source.height), Double(source.width) * Double(f.height) / Double(f.width))
        }
        let turned = Frame(width: frame.height, height: frame.width, supersample: frame.supersample)
        return smallestFraction(frame) > 0.6 && smallestFraction(turned) < smallestFraction(frame) ? turned : frame
    }

    /// A live selfie: the source photo is itself a camera's view of a live person, so the whole
    /// frame is a crop of it around the face (the face 20-60 % of the frame's height where the
    /// photo allows, placed as people place themselves, turned a few degrees as a hand holds a
    /// phone), resampled to the sensor and captured.
    ///
    /// The camera's blur follows from `optics` and the face's distance: a live face, some 19 cm
    /// tall, at the size it has in the frame stands 40-80 cm away, near a webcam's focus, so it
    /// is mostly sharp; a head sways a little during the exposure (more, now and then).
    static func selfie(_ source: FaceSource, photo: Mat, frame: Frame, optics: FaceOptics, random: inout SynthRandom) throws -> (jpeg: [UInt8], face: Rect, parameters: [String: Double]) {
        let aspect = Double(frame.width) / Double(frame.height)
        let face = source.face
        let drawn = random.uniform(0.2, 0.6)
        let largest = min(Double(photo.rows), Double(photo.cols) / aspect)
        let cropHeight = min(largest, face.height / drawn), cropWidth = cropHeight * aspect
        // Where the face sits in the frame: near the middle, a little high.
        let target = Point(x: random.uniform(0.35, 0.65), y: random.uniform(0.3, 0.55))
        func place(_ start: Double, _ size: Double, _ faceStart: Double, _ faceSize: Double, _ limit: Double, _ want: Double) -> Double {
            let preferred = faceStart + faceSize / 2 - want * size
            // Keep the face inside the crop where it fits, and the crop inside the photo.
            let low = max(0, faceSize <= size ? faceStart + faceSize - size : faceStart), high = min(limit - size, faceSize <= size ? faceStart : faceStart + faceSize - size)
            return low <= high ? min(high, max(low, preferred)) : min(limit - size, max(0, preferred))
        }
        let crop = Rect(x: place(0, cropWidth, face.x, face.width, Double(photo.cols), target.x), y: place(0, cropHeight, face.y, face.height, Double(photo.rows), target.y),
                        width: cropWidth, height: cropHeight)
        // A hand-held camera's roll, kept only if the turned crop stays inside the photo.
        var roll = random.uniform(-8, 8) * .pi / 180
        let centre = crop.center
        func turned(_ angle: Double) -> [Point] {
            crop.corners.map { p in
                let d = p - centre
                return Point(x: centre.x + d.x * cos(angle) - d.y * sin(angle), y: centre.y + d.x * sin(angle) + d.y * cos(angle))
            }
        }
        if !turned(roll).allSatisfy({ $0.x >= 0 && $0.y >= 0 && $0.x <= Double(photo.cols) && $0.y <= Double(photo.rows) }) { roll = 0 }
        let sceneCorners = Rect(x: 0, y: 0, width: Double(frame.sceneWidth), height: Double(frame.sceneHeight)).corners
        let photoToScene = try Geometry.homography(from: turned(roll), to: sceneCorners)
        let scene = try resample(photo, region: box(of: turned(roll), within: photo.bounds).expanded(by: 4), by: photoToScene, width: frame.sceneWidth, height: frame.sceneHeight)
        let toOutput = frame.toOutput.multiplied(by: photoToScene)
        let outputFace = box(of: face.corners.map { Geometry.apply(toOutput, to: $0) }, in: frame)
        let faceMillimetres = FaceOptics.liveFaceMillimetres * random.uniform(0.9, 1.1)
        let sway = random.chance(0.25) ? random.uniform(0.3, 2) : random.uniform(0, 0.3)
        let lens = optics.capture(objectMillimetres: faceMillimetres, fraction: face.height / cropHeight,
                                  movement: sway, frame: frame)
        let exposed = try CameraCapture.expose(scene, width: frame.width, height: frame.height, random: &random, optics: lens.optics, denoise: optics.denoise, centreWeight: optics.centreWeight)
        return (exposed.jpeg, outputFace,
                exposed.parameters.merging(lens.parameters) { $1 }
                    .merging(["face_fraction_drawn": drawn, "crop_scale": Double(frame.sceneHeight) / cropHeight, "roll_degrees": roll * 180 / .pi]) { $1 })
    }

    /// The part of a print or a screen an attacker frames when filling the camera's view with
    /// the face, as a face check's guide oval asks: a region of the frame's shape around `face`
    /// (in the medium's pixels) in which the face takes 40-80 % of the height, a little above
    /// the middle, as a live user places their own face. The medium may be smaller than this
    /// region (its edges then show) or larger (it runs past the frame).
    static func framing(_ face: Rect, frame: Frame, random: inout SynthRandom) -> Rect {
        let fraction = random.uniform(0.4, 0.8)
        let height = face.height / fraction, width = height * Double(frame.width) / Double(frame.height)
        let x = face.center.x - width * random.uniform(0.4, 0.6), y = face.center.y - height * random.uniform(0.35, 0.55)
        return Rect(x: x, y: y, width: width, height: height)
    }

    /// Warps the part of `image` inside `region` onto the scene (cropping first, so the
    /// anti-aliasing blur and the warp work on what can be seen, not the whole picture).
    /// Integrated over a scene pixel in linear light where it is shrunk (sigma = width / sqrt 12,
    /// as `CameraCapture.integrate`).
    static func draw(_ image: Mat, region: Rect, onto scene: SynthCanvas, by homography: [Double]) throws {
        let clipped = region.intersection(image.bounds)
        let left = clipped.x.rounded(.down), top = clipped.y.rounded(.down)
        let piece = try image.cropped(clipped)
        let toScene = homography.multiplied(by: [1, 0, left, 0, 1, top, 0, 0, 1])
        let topEdge = piece.bounds.corners.prefix(2).map { Geometry.apply(toScene, to: $0) }
        let shrink = Double(piece.cols) / max(1, (topEdge[1] - topEdge[0]).length)
        try scene.warpInLinearLight(piece, homography: toScene, prefilter: shrink > 1.5 ? shrink / 12.0.squareRoot() : 0)
    }

    /// A new `width` x `height` image: `image` mapped by a similarity `homography` (scale, turn,
    /// shift), only its part inside `region` read, integrated over an output pixel where it is
    /// shrunk (as `CameraCapture.integrate`), `fill` (grey level) where it does not reach.
    static func resample(_ image: Mat, region: Rect, by homography: [Double], width: Int, height: Int, fill: Double = 0) throws -> Mat {
        let clipped = region.intersection(image.bounds)
        let left = clipped.x.rounded(.down), top = clipped.y.rounded(.down)
        var piece = try image.cropped(clipped)
        let shrink = 1 / max(1e-9, abs(homography[0] * homography[4] - homography[1] * homography[3]).squareRoot())
        if shrink > 1.5 { piece = try piece.gaussianBlurred(kernel: 0, sigma: shrink / 12.0.squareRoot()) }
        return try piece.warped(homography: homography.multiplied(by: [1, 0, left, 0, 1, top, 0, 0, 1]), width: width, height: height,
                                fill: [fill, fill, fill, 0])
    }

    /// The part of `image` (in its pixels) that lands inside the scene under `homography`, with a margin.
    static func visibleRegion(of image: Mat, in frame: Frame, by homography: [Double]) -> Rect {
        guard let inverse = homography.inverted() else { return image.bounds }
        let w = Double(frame.sceneWidth), h = Double(frame.sceneHeight)
        let corners = [Point(x: 0, y: 0), Point(x: w, y: 0), Point(x: w, y: h), Point(x: 0, y: h)].map { Geometry.apply(inverse, to: $0) }
        let xs = corners.map(\.x), ys = corners.map(\.y)
        let margin = 0.02 * Double(max(image.cols, image.rows)) + 4
        return Rect(x: xs.min()! - margin, y: ys.min()! - margin, width: xs.max()! - xs.min()! + 2 * margin, height: ys.max()! - ys.min()! + 2 * margin)
            .intersection(image.bounds)
    }

    /// The bounding box of `points` clipped to the output frame.
    static func box(of points: [Point], in frame: Frame) -> Rect {
        box(of: points, within: Rect(x: 0, y: 0, width: Double(frame.width), height: Double(frame.height)))
    }

    static func box(of points: [Point], within bounds: Rect) -> Rect {
        let xs = points.map(\.x), ys = points.map(\.y)
        return Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!).intersection(bounds)
    }

    /// Points around a rectangle's outline (`perSide` a side), to map through a curved geometry.
    static func outline(of rect: Rect, perSide: Int = 4) -> [Point] {
        let c = rect.corners
        return (0..<4).flatMap { side in
            (0..<perSide).map { step in
                let t = Double(step) / Double(perSide), a = c[side], b = c[(side + 1) % 4]
                return Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
            }
        }
    }

    struct Room {
        var scene: SynthCanvas
        /// Mean linear brightness (gamma 2.2 decoded) of the room as drawn.
        var meanLinear: Double
        var parameters: [String: Double]
    }

    /// The room behind a print or a screen: another photo, thrown out of focus (the camera is
    /// focused on the object held close to it), or a plain wall or fabric; scaled by
    /// `brightness` (below 1 behind a self-luminous screen). Returns the scene and its mean
    /// linear brightness, which sets how brightly the same room lights a print.
    static func room(_ frame: Frame, photos: [FaceSource], excluding: String, brightness: Double, random: inout SynthRandom) throws -> Room {
        let w = frame.sceneWidth, h = frame.sceneHeight
        let others = photos.filter { $0.path != excluding }
        var parameters: [String: Double] = [:]
        let scene: Mat
        if !others.isEmpty && random.chance(0.7) {
            let photo = try random.pick(others).load()
            // Cover the frame, then defocus: 1.5-4 % of the frame's width.
            let cover = max(Double(w) / Double(photo.cols), Double(h) / Double(photo.rows)) * random.uniform(1, 1.3)
            let dx = random.uniform(0, 1) * (Double(photo.cols) * cover - Double(w)), dy = random.uniform(0, 1) * (Double(photo.rows) * cover - Double(h))
            // Blur at a quarter of the scene's size (cheaper; the blur hides it), then scale up.
            let quarter = 0.25
            let small = try photo.warped(homography: [cover * quarter, 0, -dx * quarter, 0, cover * quarter, -dy * quarter, 0, 0, 1],
                                         width: max(2, Int(Double(w) * quarter)), height: max(2, Int(Double(h) * quarter)), replicateBorder: true)
            let defocus = random.uniform(0.015, 0.04)
            let blurred = try small.gaussianBlurred(kernel: 0, sigma: defocus * Double(w) * quarter)
            scene = try blurred.resized(width: w, height: h, interpolation: .linear)
            parameters["room_defocus"] = defocus
            parameters["room_photo"] = 1
        } else {
            let surface = random.pick([Surface.plain, .fabric, .paper])
            scene = try Surface.make(surface, width: w, height: h, colour: surface.colour(&random), seed: random.seed())
            parameters["room_photo"] = 0
            parameters["surface"] = Double(surface.rawValue)
        }
        let scaled = abs(brightness - 1) < 1e-9 ? scene : try scene.scaled(by: brightness)
        parameters["room_brightness"] = brightness
        return Room(scene: SynthCanvas(try scaled.cloned()), meanLinear: try scaled.meanLinear(), parameters: parameters)
    }
}

extension Mat {
    /// Every 8-bit value multiplied by `factor` in linear light (gamma 2.2), clipped.
    func scaled(by factor: Double) throws -> Mat {
        try Mat.make { lv_synth_light(handle, factor, $0, $1) }
    }

    /// The mean linear value (gamma 2.2) over all channels, on a 32 x 32 thumbnail.
    func meanLinear() throws -> Double {
        let thumbnail = try resized(width: 32, height: 32, interpolation: .area).packedBytes()
        return thumbnail.reduce(0) { $0 + pow(Double($1) / 255, 2.2) } / Double(thumbnail.count)
    }
}

extension Array where Element == Double {
    /// The inverse of a 3x3 row-major matrix, nil when singular.
    func inverted() -> [Double]? {
        let m = self
        let c00 = m[4] * m[8] - m[5] * m[7], c01 = m[5] * m[6] - m[3] * m[8], c02 = m[3] * m[7] - m[4] * m[6]
        let determinant = m[0] * c00 + m[1] * c01 + m[2] * c02
        guard abs(determinant) > 1e-15 else { return nil }
        let r = 1 / determinant
        return [c00 * r, (m[2] * m[7] - m[1] * m[8]) * r, (m[1] * m[5] - m[2] * m[4]) * r,
                c01 * r, (m[0] * m[8] - m[2] * m[6]) * r, (m[2] * m[3] - m[0] * m[5]) * r,
                c02 * r, (m[1] * m[6] - m[0] * m[7]) * r, (m[0] * m[4] - m[1] * m[3]) * r]
    }
}
