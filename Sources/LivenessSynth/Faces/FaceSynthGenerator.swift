import Foundation
import LivenessEngine

/// Makes labelled synthetic face-check photos: live selfies and printed-photo and screen-replay
/// attacks made from digital photos of real people. Sample `index` depends only on the seed and
/// the index (and the photo folders), so runs are reproducible byte for byte and parallel
/// workers need no coordination.
public struct FaceSynthGenerator: Sendable {
    public var seed: UInt64
    public var species: [FaceSynthSpecies]
    /// The face photos with one clear face, sorted by path.
    public let sources: [FaceSource]
    /// Photos left out, and why (no face, a face too small, a group photo).
    public let skipped: [String]
    /// Photos for the room behind prints and screens (the face photos when none are given).
    public let rooms: [FaceSource]
    /// Largest output side in pixels (640 x 480 up to 1920 x 1080).
    public var maximumSide: Int

    /// - Parameters:
    ///   - faceFolders: folders of face photos (jpg, png, webp).
    ///   - roomFolders: folders of photos to use as rooms; none: the face photos.
    ///   - modelDirectory: where YuNet is (`../shared/models`); without it, OpenCV's cascade.
    public init(seed: UInt64, species: [FaceSynthSpecies] = FaceSynthSpecies.allCases, faceFolders: [String], roomFolders: [String] = [],
                modelDirectory: String?, maximumSide: Int = 1920, workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws {
        self.seed = seed
        self.species = species
        self.maximumSide = maximumSide
        (sources, skipped) = try FaceSource.load(folders: faceFolders, modelDirectory: modelDirectory, workers: workers)
        rooms = roomFolders.isEmpty ? sources : try Self.photos(in: roomFolders)
    }

    /// Sample `index`: the species cycle through `species` in order; the source photo is drawn
    /// first, so the same seed and index give the same photo whatever the species.
    public func sample(_ index: Int) throws -> (jpeg: [UInt8], label: FaceSynthLabel) {
        var random = SynthRandom(seed: seed, index: index)
        let source = random.pick(sources)
        let kind = species[index % species.count]
        let photo = try source.load()
        var frame = FaceCapture.frame(maximumSide: maximumSide, random: &random)
        if kind == .bonaFide { frame = FaceCapture.suited(frame, to: source) }
        let optics = FaceOptics.draw(frame: frame, random: &random)
        var parameters: [String: Double] = [:]
        var display: String?
        let jpeg: [UInt8], face: Rect
        switch kind {
        case .bonaFide:
            let selfie = try FaceCapture.selfie(source, photo: photo, frame: frame, optics: optics, random: &random)
            (jpeg, face) = (selfie.jpeg, selfie.face)
            parameters = selfie.parameters
        case .printedPhoto:
            let print = try FacePrint.print(photo, face: source.face, random: &random)
            let room = try FaceCapture.room(frame, photos: rooms, excluding: source.path, brightness: 1, random: &random)
            let shot = try FacePrint.photograph(print, face: source.face, frame: frame, room: room, random: &random)
            // A print is held in a hand: physiological tremor moves it 0.2-1.2 mm during the exposure.
            let lens = optics.capture(objectMillimetres: shot.parameters["face_mm"] ?? 50, fraction: Self.heightFraction(shot.face, frame),
                                      movement: random.uniform(0.2, 1.2), frame: frame)
            let exposed = try CameraCapture.expose(shot.scene.image, width: frame.width, height: frame.height, random: &random, optics: lens.optics, denoise: optics.denoise, centreWeight: optics.centreWeight)
            jpeg = exposed.jpeg
            face = FaceCapture.box(of: shot.face.map { Geometry.apply(frame.toOutput, to: $0) }, in: frame)
            parameters = print.parameters.merging(room.parameters) { $1 }.merging(shot.parameters) { $1 }.merging(lens.parameters) { $1 }.merging(exposed.parameters) { $1 }
        case .screenReplay:
            let shown = try FaceReplay.show(photo, face: source.face, random: &random)
            // The screen's own light outshines the room it is photographed in. Its panel lights a
            // third of its area (the subpixels), so the room is drawn at 3-25 % of its light for
            // the screen to be some 2-10 times brighter on average than the room's surfaces (a
            // phone at 400 nits against an office's walls).
            let surroundings = random.uniform(0.03, 0.25)
            // The room's light: the camera balances for it, but the screen emits its own light,
            // which that light does not tint (the capture multiplies the whole scene by the
            // light's colour, so the panel is divided by it first, in linear light, and dimmed by
            // the smallest of its gains so no subpixel clips; the room is dimmed alike, so the
            // screen keeps its 2-10 times the room's brightness, and auto-exposure takes it back).
            let kelvin = random.uniform(2800, 7500)
            let light = CameraCapture.lightColour(kelvin: kelvin)
            let least = min(light.r, light.g, light.b)
            let room = try FaceCapture.room(frame, photos: rooms, excluding: source.path, brightness: surroundings * least, random: &random)
            let panel = try shown.shown.emitted.throughColourMatrix([least / light.r, 0, 0, 0, least / light.g, 0, 0, 0, least / light.b])
            var emitting = shown.shown
            emitting.emitted = panel
            let shot = try FaceReplay.photograph(emitting, face: shown.face, frame: frame, room: room, random: &random)
            // A phone or tablet is held in a hand (tremor, 0.2-1.2 mm during the exposure); a
            // laptop or monitor stands on a desk.
            let handheld = shown.shown.display.hasPrefix("phone") || shown.shown.display.hasPrefix("tablet")
            let lens = optics.capture(objectMillimetres: shot.parameters["face_mm"] ?? 50, fraction: Self.heightFraction(shot.face, frame),
                                      movement: handheld ? random.uniform(0.2, 1.2) : random.uniform(0, 0.3), frame: frame)
            let exposed = try CameraCapture.expose(room.scene.image, width: frame.width, height: frame.height, random: &random, optics: lens.optics,
                                                   denoise: optics.denoise, centreWeight: optics.centreWeight, kelvin: kelvin)
            jpeg = exposed.jpeg
            face = FaceCapture.box(of: shot.face.map { Geometry.apply(frame.toOutput, to: $0) }, in: frame)
            parameters = shown.shown.parameters.merging(shown.parameters) { $1 }.merging(["surroundings": surroundings]) { $1 }.merging(room.parameters) { $1 }
                .merging(shot.parameters) { $1 }.merging(lens.parameters) { $1 }.merging(exposed.parameters) { $1 }
            display = shown.shown.display
        }
        parameters["sensor_scale"] = frame.supersample
        let name = String(format: "%06d_%@.jpg", index, kind.rawValue)
        let box = face.width >= 1 && face.height >= 1 ? [face.x, face.y, face.width, face.height].map(rounded) : nil
        let label = FaceSynthLabel(file: name, class: kind.isAttack ? "attack" : "bona_fide", species: kind.labelName, source: source.name,
                                   face_box: box, width: frame.width, height: frame.height, seed: seed, index: index, display: display, parameters: parameters)
        return (jpeg, label)
    }

    /// The height of the face's outline (scene pixels) as a fraction of the frame's.
    private static func heightFraction(_ face: [Point], _ frame: FaceCapture.Frame) -> Double {
        let ys = face.map(\.y)
        return ((ys.max() ?? 0) - (ys.min() ?? 0)) / Double(frame.sceneHeight)
    }

    private func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// Room photos: every jpg/png/webp in the folders, no face needed.
    private static func photos(in folders: [String]) throws -> [FaceSource] {
        try PhotoFolders.paths(in: folders, of: "photos").map { path in
            let url = URL(fileURLWithPath: path)
            return FaceSource(path: url.path, name: url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent, width: 0, height: 0,
                              face: Rect(x: 0, y: 0, width: 0, height: 0))
        }
    }
}
