import COpenCVShim
import Foundation
import LivenessEngine

/// A document shown on a display, as the camera will see it: the picture resampled to the
/// display's pixel grid, each display pixel expanded into its subpixels (RGB or BGR stripes or
/// PenTile diamonds, with the dark black matrix between them), display gamma, a white point off
/// daylight, a raised black level, a bezel and a faint reflection on the glass. Nothing here
/// draws moiré: it appears when the camera samples this subpixel grid without a low-pass filter.
enum ScreenReplay {
    struct Display {
        var name: String
        var width: Int
        var height: Int
        var pixelsPerInch: Double
    }

    static let displays = [
        Display(name: "phone-fhd", width: 2340, height: 1080, pixelsPerInch: 400),
        Display(name: "phone-qhd", width: 3200, height: 1440, pixelsPerInch: 515),
        Display(name: "phone-hd", width: 1600, height: 720, pixelsPerInch: 300),
        Display(name: "laptop", width: 1920, height: 1080, pixelsPerInch: 141),
        Display(name: "monitor", width: 2560, height: 1440, pixelsPerInch: 109),
        Display(name: "monitor-fhd", width: 1920, height: 1080, pixelsPerInch: 92),
    ]

    struct Shown {
        /// The emitted light, 3 x 3 render pixels per display pixel, with the bezel.
        var emitted: Mat
        /// The document's corners in `emitted`'s pixels (clockwise from its top-left).
        var document: Quad
        var parameters: [String: Double]
        var display: String
        /// The bezel's width in `emitted` pixels.
        var bezel: Double
        /// The physical size of one of `emitted`'s pixels (a third of a display pixel).
        var millimetresPerPixel: Double

        /// A screen pixel position in `emitted`'s pixels (3 x 3 render pixels per display pixel).
        func fromScreen(_ point: Point) -> Point { Point(x: bezel + 3 * point.x, y: bezel + 3 * point.y) }
    }

    /// Tablets, which face attacks use besides phones and monitors (kept out of `displays` so
    /// the document generator's draws, and its corpora, stay as they were).
    static let tablets = [
        Display(name: "tablet", width: 2360, height: 1640, pixelsPerInch: 264),
        Display(name: "tablet-wuxga", width: 1920, height: 1200, pixelsPerInch: 224),
    ]

    /// - Parameter documentMillimetres: the document's physical width (its longer side).
    static func show(_ picture: Mat, documentMillimetres: Double, random: inout SynthRandom) throws -> Shown {
        let display = random.pick(displays)
        // What the screen shows: the picture at any zoom from the document's physical size (a
        // card is 85.6 mm wide whatever the display) up to 95 % of the screen, on black or a
        // viewer's grey. The zoom decides how many camera pixels a display pixel covers: from a
        // fraction (aliasing into moiré) to several (a visible pixel grid).
        let fit = min(Double(display.width) / Double(picture.cols), Double(display.height) / Double(picture.rows))
        let physical = documentMillimetres / 25.4 * display.pixelsPerInch / Double(picture.cols)
        let smallest = min(physical, 0.95 * fit)
        let scale = smallest * pow(0.95 * fit / smallest, random.uniform(0, 1))
        let shownWidth = Int(Double(picture.cols) * scale), shownHeight = Int(Double(picture.rows) * scale)
        let backdrop = random.pick([0.0, 30, 240])
        let screen = SynthCanvas(try Surface.make(.plain, width: display.width, height: display.height, colour: (backdrop, backdrop, backdrop), seed: 1))
        let x = (display.width - shownWidth) / 2, y = (display.height - shownHeight) / 2
        try screen.paste(try picture.resized(width: shownWidth, height: shownHeight), x: x, y: y)
        var shown = try render(screen.image, display: display, random: &random)
        shown.parameters["display_zoom"] = scale / fit
        shown.document = Quad(Rect(x: Double(x), y: Double(y), width: Double(shownWidth), height: Double(shownHeight)).corners.map(shown.fromScreen))
        return shown
    }

    /// The panel lighting up `screen` (exactly the display's pixels): subpixels, gamma, white
    /// point, black level; then the bezel and a reflection on the glass. `document` is the whole
    /// screen until the caller says what part of it matters.
    /// - Parameter whiteAdaptation: how far the camera's auto white balance takes the panel's
    ///   white for neutral (0: not at all, the camera balances for the room's light only; 1:
    ///   wholly). A face held to a webcam fills most of the frame with the screen's own light, and
    ///   a grey-world white balance then removes part of its cast. 0 for documents (as before).
    ///   - blackScale: the black level's share of its drawn value (0.005-0.04 of white): 1 for
    ///   documents; less for a face replay's dim room, where the glass reflects little light.
    static func render(_ screen: Mat, display: Display, whiteAdaptation: Double = 0, blackScale: Double = 1, random: inout SynthRandom) throws -> Shown {
        let layout = random.integer(0...2)
        let fill = random.uniform(0.7, 1)
        let gamma = random.uniform(2.0, 2.5)
        let kelvin = random.uniform(6000, 9000)
        let panelWhite = CameraCapture.lightColour(kelvin: kelvin)
        let white = (b: pow(panelWhite.b, 1 - whiteAdaptation), g: pow(panelWhite.g, 1 - whiteAdaptation), r: pow(panelWhite.r, 1 - whiteAdaptation))
        let black = random.uniform(0.005, 0.04) * blackScale
        let emitted = try Mat.make { lv_synth_screen(screen.handle, Int32(layout), fill, gamma, [white.b, white.g, white.r], black, $0, $1) }
        // Bezel around the panel and a faint reflection on the glass.
        let bezel = Int(Double(emitted.cols) * random.uniform(0.02, 0.06))
        let framed = SynthCanvas(try Surface.make(.plain, width: emitted.cols + 2 * bezel, height: emitted.rows + 2 * bezel, colour: (12, 12, 14), seed: 2))
        try framed.paste(emitted, x: bezel, y: bezel)
        if random.chance(0.6) {
            let w = Double(framed.image.cols), h = Double(framed.image.rows)
            let a = random.uniform(0, w)
            try framed.fill([Point(x: a, y: 0), Point(x: a + w * 0.3, y: 0), Point(x: a - w * 0.2, y: h), Point(x: a - w * 0.5, y: h)],
                            (255, 255, 255), alpha: random.uniform(0.03, 0.12))
        }
        let k = 3.0, offset = Double(bezel)
        return Shown(emitted: framed.image, document: Quad(Rect(x: offset, y: offset, width: Double(screen.cols) * k, height: Double(screen.rows) * k)),
                     parameters: ["display_ppi": display.pixelsPerInch, "subpixel_layout": Double(layout), "subpixel_fill": fill,
                                  "display_gamma": gamma, "black_level": black, "display_width": Double(display.width)]
                                  .merging(whiteAdaptation > 0 ? ["display_kelvin": kelvin, "white_adaptation": whiteAdaptation] : [:]) { $1 },
                     display: display.name, bezel: offset, millimetresPerPixel: 25.4 / display.pixelsPerInch / k)
    }
}
