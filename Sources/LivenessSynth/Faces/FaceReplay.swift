import COpenCVShim
import Foundation
import LivenessEngine

/// A screen-replay attack: the face photo opened in a viewer on a phone, tablet, laptop or
/// monitor, and the screen held up to the camera in a dimmer room. Subpixel structure, moiré,
/// display gamma and white point, the bezel and reflections come from `ScreenReplay`'s panel and
/// the camera's sampling of it; nothing is drawn on the captured image.
enum FaceReplay {
    static let displays = ScreenReplay.displays + ScreenReplay.tablets

    /// The photo on a display: fitted to the screen (a viewer's default) on black, grey or white,
    /// or zoomed in on the face (pinch-zoom) so the photo overflows the screen. A phone or tablet
    /// is turned to the photo's orientation.
    static func show(_ photo: Mat, face: Rect, random: inout SynthRandom) throws -> (shown: ScreenReplay.Shown, face: [Point], parameters: [String: Double]) {
        var display = random.pick(displays)
        let handheld = display.name.hasPrefix("phone") || display.name.hasPrefix("tablet")
        if handheld && (photo.rows > photo.cols) == (display.width > display.height) && random.chance(0.85) {
            (display.width, display.height) = (display.height, display.width)
        }
        let fit = min(Double(display.width) / Double(photo.cols), Double(display.height) / Double(photo.rows))
        // Half the time the attacker pinch-zooms so the face fills the screen (no backdrop, no
        // photo edge around it), as they want it to fill the camera's guide oval.
        let zoomed = random.chance(0.5)
        let zoom = zoomed ? random.uniform(1.2, 2.5) : random.uniform(0.9, 1)
        let scale = fit * zoom
        // Zoomed in: the viewer keeps the pinch point (the face) where it was, pulled towards the middle.
        let pull = zoomed ? random.uniform(0.3, 1) : 0
        let photoCentre = Point(x: Double(photo.cols) / 2, y: Double(photo.rows) / 2)
        let focus = Point(x: photoCentre.x + (face.center.x - photoCentre.x) * pull, y: photoCentre.y + (face.center.y - photoCentre.y) * pull)
        let tx = Double(display.width) / 2 - focus.x * scale, ty = Double(display.height) / 2 - focus.y * scale
        let photoToScreen = [scale, 0, tx, 0, scale, ty, 0, 0, 1]
        let backdrop = random.pick([0.0, 0, 30, 240])
        let region = FaceCapture.visibleRegion(of: photo, in: FaceCapture.Frame(width: display.width, height: display.height, supersample: 1), by: photoToScreen)
        let screen = try FaceCapture.resample(photo, region: region, by: photoToScreen, width: display.width, height: display.height, fill: backdrop)
        // Most phone and many laptop panels have primaries wider than sRGB (OLED and P3 panels),
        // and a gallery app on Android's default "vivid" profile, or a monitor without colour
        // management, drives them with the photo's sRGB values unconverted: every colour comes out
        // more saturated than the photographer meant. `gamut` 0 is an sRGB (or colour-managed)
        // panel, 1 full Display P3 unmanaged, up to 2 an OLED's native gamut in a vivid mode,
        // which stretches saturation beyond P3.
        let gamut = random.chance(0.25) ? 0 : random.uniform(0.5, 2)
        let driven = gamut == 0 ? screen : try screen.unmanagedWideGamut(gamut)
        // The camera's white balance (grey world) is set by the light in the frame, which is
        // mostly the panel's when a screen is held up to it: it takes 50-90 % of the panel's cold
        // white for neutral, and the rest of the cast stays.
        let adaptation = random.uniform(0.5, 0.9)
        // The panel's black: an LCD leaks 0.1-0.3 % of white, an OLED nothing, and the glass
        // reflects some 4 % of a room 4-30 times dimmer than the panel: 0.1-1.2 % of white, a
        // third of the 0.5-4 % a document's brighter surroundings give.
        let shown = try ScreenReplay.render(driven, display: display, whiteAdaptation: adaptation, blackScale: 0.3, random: &random)
        // The face as far as the screen shows it (a zoomed photo runs past the screen's edges).
        let onScreen = FaceCapture.box(of: face.corners.map { Geometry.apply(photoToScreen, to: $0) },
                                       within: Rect(x: 0, y: 0, width: Double(display.width), height: Double(display.height)))
        let face = FaceCapture.outline(of: onScreen).map(shown.fromScreen)
        return (shown, face, ["display_gamut": gamut, "display_zoom": zoom, "zoomed": zoomed ? 1 : 0, "backdrop": backdrop, "panel_portrait": display.height > display.width ? 1 : 0])
    }

    /// The screen photographed: close-ups framing the face on it (the screen fills the frame and
    /// its bezel may be cut off) or wider shots showing the device and the room, tilted up to 25
    /// degrees. The room is dimmer than the screen's own light (`surroundings` 0.2-0.6).
    static func photograph(_ shown: ScreenReplay.Shown, face: [Point], frame: FaceCapture.Frame, room: FaceCapture.Room,
                           random: inout SynthRandom) throws -> (face: [Point], parameters: [String: Double]) {
        let emitted = shown.emitted
        // Face checks ask for the face to fill a guide oval: most attackers bring the screen close.
        let closeUp = random.chance(0.85)
        let faceBox = FaceCapture.box(of: face, within: emitted.bounds)
        let subject = closeUp ? FaceCapture.framing(faceBox, frame: frame, random: &random) : emitted.bounds
        let area = closeUp ? random.uniform(0.8, 0.97) : random.uniform(0.35, 0.9)
        let quad = try CameraCapture.pose(aspect: subject.width / subject.height, sceneWidth: Double(frame.sceneWidth), sceneHeight: Double(frame.sceneHeight),
                                          areaFraction: area, maximumTilt: 25, upright: true, random: &random)
        let toScene = try Geometry.homography(from: subject.corners, to: quad.corners)
        try FaceCapture.draw(emitted, region: FaceCapture.visibleRegion(of: emitted, in: frame, by: toScene), onto: room.scene, by: toScene)
        // The face's height on the panel (3 render pixels a display pixel).
        let millimetres = faceBox.height / 3 / (shown.parameters["display_ppi"] ?? 300) * 25.4
        return (face.map { Geometry.apply(toScene, to: $0) }, ["close_up": closeUp ? 1 : 0, "area_fraction": area, "face_mm": millimetres])
    }
}

extension Mat {
    /// sRGB values shown unconverted on a panel `amount` of the way (in linear light) from sRGB
    /// primaries to Display P3's, as the camera (sRGB) sees them: the P3 primaries expressed in
    /// linear sRGB, which lie outside it (clipped), so saturated colours grow more saturated.
    func unmanagedWideGamut(_ amount: Double) throws -> Mat {
        let p3 = [1.2249, -0.2247, 0, -0.0420, 1.0419, 0, -0.0196, -0.0786, 1.0982]
        let identity = [1.0, 0, 0, 0, 1, 0, 0, 0, 1]
        let matrix = zip(identity, p3).map { $0 + amount * ($1 - $0) }
        return try throughColourMatrix(matrix)
    }

    /// Every pixel's linear R, G, B (gamma 2.2) through a 3x3 row-major matrix, clipped.
    func throughColourMatrix(_ matrix: [Double]) throws -> Mat {
        try Mat.make { lv_synth_colour_matrix(handle, matrix, $0, $1) }
    }
}
