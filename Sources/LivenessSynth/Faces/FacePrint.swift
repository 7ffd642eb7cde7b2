import COpenCVShim
import Foundation
import LivenessEngine

/// A printed-photo attack: the face photo printed on paper, held up to the camera in a room.
/// Halftone or inkjet dots, the four inks' smaller gamut, paper white, a glossy coating's
/// reflection, the bend of a hand-held sheet and the room's light on it all come from the
/// simulated process; none is drawn on the image.
enum FacePrint {
    struct Print {
        /// The printed photo at the printer's resolution (dots, inks, paper).
        var printed: Mat
        /// The blank sheet around it, at 5 px/mm, when the photo is printed on a larger sheet;
        /// nil for a borderless photo print (the sheet is the printed photo).
        var sheet: Mat?
        /// Sheet pixels per printed pixel and the printed photo's top-left on the sheet.
        var insetScale: Double
        var insetOrigin: Point
        /// Photo pixels to sheet pixels.
        var photoToSheet: [Double]
        var parameters: [String: Double]

        /// Where the printed photo lies on the sheet, in sheet pixels.
        var printedArea: Rect {
            Rect(x: insetOrigin.x, y: insetOrigin.y, width: Double(printed.cols) * insetScale, height: Double(printed.rows) * insetScale)
        }

        var sheetSize: (width: Double, height: Double) {
            sheet.map { (Double($0.cols), Double($0.rows)) } ?? (Double(printed.cols), Double(printed.rows))
        }
    }

    /// The printer's raster is capped at this many pixels (a 10 x 15 cm print at 250 dpi): at
    /// webcam resolution a held-up print spans at most ~3000 sensor pixels, so the camera
    /// resolves the halftone's cells (85-110 lpi) and the paper, not single printer dots; finer
    /// rasters would cost time without changing what it records.
    static let maximumPrintedPixels = 1_600_000.0

    /// Prints `photo`: a borderless 10 x 15 cm photo print (cropped to 2:3 around the face), or
    /// an A4 or US letter sheet with the photo fitted inside its margins. Photo prints come from
    /// inkjets (error diffusion) or, less often, laser printers; sheets from office printers
    /// (laser clustered dots at 85-120 lpi) or inkjets. The raster is 300 dpi where the size
    /// allows (less on large photos, see `maximumPrintedPixels`).
    static func print(_ photo: Mat, face: Rect, random: inout SynthRandom) throws -> Print {
        let format = random.integer(0...2)  // 0 photo print, 1 A4, 2 letter
        let portrait = photo.rows >= photo.cols
        var parameters: [String: Double] = ["print_format": Double(format)]
        let sheetMillimetres: (width: Double, height: Double)
        // Where the photo goes on the sheet, in millimetres, and the part of the photo printed.
        let placed: Rect, printedPart: Rect
        if format == 0 {
            sheetMillimetres = portrait ? (100, 150) : (150, 100)
            let aspect = sheetMillimetres.width / sheetMillimetres.height
            let cropWidth = min(Double(photo.cols), Double(photo.rows) * aspect), cropHeight = cropWidth / aspect
            let x = min(max(0, face.center.x - cropWidth / 2), Double(photo.cols) - cropWidth)
            let y = min(max(0, face.center.y - cropHeight * 0.45), Double(photo.rows) - cropHeight)
            printedPart = Rect(x: x, y: y, width: cropWidth, height: cropHeight)
            placed = Rect(x: 0, y: 0, width: sheetMillimetres.width, height: sheetMillimetres.height)
        } else {
            let size = format == 1 ? (210.0, 297.0) : (215.9, 279.4)
            sheetMillimetres = portrait ? (size.0, size.1) : (size.1, size.0)
            let margin = random.uniform(8, 30)
            let fit = min((sheetMillimetres.width - 2 * margin) / Double(photo.cols), (sheetMillimetres.height - 2 * margin) / Double(photo.rows))
            let scale = fit * random.uniform(0.6, 1)
            let w = Double(photo.cols) * scale, h = Double(photo.rows) * scale
            placed = Rect(x: (sheetMillimetres.width - w) / 2, y: margin + random.uniform(0, 1) * (sheetMillimetres.height - 2 * margin - h), width: w, height: h)
            printedPart = photo.bounds
            parameters["margin_mm"] = margin
        }
        // Photo prints come from photo inkjets (50 %), lab printers (silver halide or dye
        // sublimation, 40 %) or, now and then, a colour laser; sheets from office lasers (70 %) or
        // inkjets. Inkjet droplets (1200-5760 dpi, a few picolitres) and lab prints are far below
        // what a webcam resolves of a held-up print: they print in continuous tone. Only a laser's
        // clustered-dot screen (85-200 lpi) leaves a raster the camera can see.
        let machine = format == 0 ? random.uniform(0, 1) : random.uniform(0, 1) * 0.5 + 0.5
        let inkjet = format == 0 ? machine < 0.5 : machine >= 0.85
        let continuousTone = format == 0 ? machine < 0.9 : inkjet
        let areaSquareInches = placed.width * placed.height / (25.4 * 25.4)
        let dpi = min(300, (maximumPrintedPixels / areaSquareInches).squareRoot())
        // Screen ruling: at least 2.2 printer dots a cell.
        let lpi = random.uniform(min(85, dpi / 2.2), min(200, dpi / 2.2))
        let scale = dpi / 25.4
        let width = Int(placed.width * scale), height = Int(placed.height * scale)
        // The photo at the printer's resolution, then the printer's screening and inks.
        let photoToPrinted = try Geometry.homography(from: printedPart.corners, to: Rect(x: 0, y: 0, width: Double(width), height: Double(height)).corners)
        let shrink = printedPart.width / Double(width)
        let source = shrink > 1.5 ? try photo.gaussianBlurred(kernel: 0, sigma: shrink / 12.0.squareRoot()) : photo
        let raster = try source.warped(homography: photoToPrinted, width: width, height: height, replicateBorder: true)
        let rotation = random.uniform(-3, 3)
        let angles = [15.0, 75, 0, 45].map { $0 + rotation }
        // Photo and office papers are bright white with optical brighteners: neutral to slightly blue.
        let white = random.uniform(232, 252), blue = random.uniform(0, 8)
        let paper = (b: min(255, white + blue), g: white, r: white - blue / 2)
        let dotGain = random.uniform(0.1, 0.4), blackGeneration = random.uniform(0.5, 1)
        let seed = random.seed()
        func printer(_ raster: Mat) throws -> Mat {
            try Mat.make { lv_synth_print(raster.handle, continuousTone ? 2 : 0, continuousTone ? 2.2 : dpi / lpi, angles, dotGain, [paper.b, paper.g, paper.r], blackGeneration, seed, $0, $1) }
        }
        // The driver's grey balance for this printer, ink and paper, measured on a test ramp.
        let printed = try printer(try PrinterCalibration(print: printer).apply(to: raster))
        parameters.merge(["print_dpi": dpi, "print_lpi": continuousTone ? 0 : lpi, "inkjet": inkjet ? 1 : 0, "continuous_tone": continuousTone ? 1 : 0, "dot_gain": dotGain, "screen_rotation": rotation,
                          "black_generation": blackGeneration, "print_width_mm": sheetMillimetres.width]) { $1 }
        guard format != 0 else {
            return Print(printed: printed, sheet: nil, insetScale: 1, insetOrigin: Point(x: 0, y: 0), photoToSheet: photoToPrinted, parameters: parameters)
        }
        // The rest of the sheet: the same paper, unprinted.
        let sheetScale = 5.0
        let sheet = try Surface.make(.paper, width: Int(sheetMillimetres.width * sheetScale), height: Int(sheetMillimetres.height * sheetScale),
                                     colour: paper, seed: random.seed())
        let insetScale = sheetScale / scale, origin = Point(x: placed.x * sheetScale, y: placed.y * sheetScale)
        let printedToSheet = [insetScale, 0, origin.x, 0, insetScale, origin.y, 0, 0, 1]
        return Print(printed: printed, sheet: sheet, insetScale: insetScale, insetOrigin: origin,
                     photoToSheet: printedToSheet.multiplied(by: photoToPrinted), parameters: parameters)
    }

    /// The print held up to the camera: bent (half the time noticeably), tilted up to 25
    /// degrees, covering 40-90 % of the frame, or (60 %) framed on the face so the sheet runs
    /// past the frame; lit by the room (its brightness follows the room's), glossy or matte; sometimes a
    /// thumb over one edge.
    static func photograph(_ print: Print, face: Rect, frame: FaceCapture.Frame, room: FaceCapture.Room,
                           random: inout SynthRandom) throws -> (scene: SynthCanvas, face: [Point], parameters: [String: Double]) {
        let (sheetWidth, sheetHeight) = print.sheetSize
        let sheetBounds = Rect(x: 0, y: 0, width: sheetWidth, height: sheetHeight)
        // The face as far as the print holds it (a photo print is cropped to 2:3).
        let faceBox = FaceCapture.box(of: face.corners.map { Geometry.apply(print.photoToSheet, to: $0) }, within: print.printedArea)
        let sheetFace = FaceCapture.outline(of: faceBox)
        // Face checks ask for the face to fill a guide oval: most attackers bring the print close.
        let closeUp = random.chance(0.85)
        var parameters: [String: Double] = ["close_up": closeUp ? 1 : 0]
        let subject = closeUp ? FaceCapture.framing(faceBox, frame: frame, random: &random) : sheetBounds
        let area = closeUp ? random.uniform(0.8, 0.97) : random.uniform(0.4, 0.9)
        // The face's height on paper, for how near the print must be held.
        parameters["face_mm"] = faceBox.height * (print.parameters["print_width_mm"] ?? 100) / sheetWidth
        let quad = try CameraCapture.pose(aspect: subject.width / subject.height, sceneWidth: Double(frame.sceneWidth), sceneHeight: Double(frame.sceneHeight),
                                          areaFraction: area, maximumTilt: 25, upright: true, random: &random)
        let sheetToScene = try Geometry.homography(from: subject.corners, to: quad.corners)
        // The room's light on the sheet: as bright as the room around it (auto-exposure then sets
        // both together), give or take the sheet's angle to the lights.
        let glossy = random.chance(print.parameters["print_format"] == 0 ? 0.7 : 0.2)
        let bent = random.chance(0.5)
        var lighting = lv_print_lighting()
        lighting.curvature = (bent ? random.uniform(0.15, 0.8) : random.uniform(0, 0.1)) * (random.chance(0.7) ? 1 : -1)
        lighting.distance = random.uniform(1.5, 4)
        lighting.illumination = min(1.6, max(0.4, room.meanLinear / 0.18)) * random.uniform(0.7, 1.15)
        lighting.light_angle = random.uniform(-0.5, 0.5)
        lighting.specular = glossy ? random.uniform(0.05, 0.7) : 0
        lighting.specular_angle = random.uniform(-0.5, 0.5)
        lighting.specular_width = random.uniform(0.05, 0.2)
        lighting.specular_centre = random.uniform(0, 1)
        lighting.specular_length = random.uniform(0.3, 2)
        // Scene pixels per sheet pixel decide the anti-aliasing blur of each layer.
        let shrink = subject.width / max(1, quad.corners[0].distance(to: quad.corners[1]))
        func prefilter(_ shrink: Double) -> Double { shrink > 1.5 ? shrink / 12.0.squareRoot() : 0 }
        if let sheet = print.sheet {
            try shimCall { error in
                withUnsafePointer(to: lighting) { lv_synth_print_onto(room.scene.image.handle, sheet.handle, sheetToScene, $0, prefilter(shrink), error) }
            }
            lighting.sheet_width = sheetWidth
            lighting.sheet_height = sheetHeight
            lighting.inset_x = print.insetOrigin.x
            lighting.inset_y = print.insetOrigin.y
            lighting.inset_scale = print.insetScale
        }
        try shimCall { error in
            withUnsafePointer(to: lighting) {
                lv_synth_print_onto(room.scene.image.handle, print.printed.handle, sheetToScene, $0, prefilter(shrink / print.insetScale), error)
            }
        }
        func toScene(_ p: Point) -> Point {
            var x = 0.0, y = 0.0
            _ = withUnsafePointer(to: lighting) { lv_synth_print_point([sheetWidth, sheetHeight], sheetToScene, $0, p.x, p.y, &x, &y) }
            return Point(x: x, y: y)
        }
        // A thumb over one edge of the sheet, about half on it: skin lit by the same room,
        // rounded (darker towards its sides, as a cylinder under a broad light), with its soft
        // shadow on the paper.
        let held = random.chance(0.3)
        if held {
            let edge = random.integer(0...2)  // left, right, bottom
            let along = random.uniform(0.25, 0.75)
            let millimetre = sheetWidth / (print.parameters["print_width_mm"] ?? 100)
            let (edgePoint, inward): (Point, Point) = switch edge {
            case 0: (Point(x: 0, y: along * sheetHeight), Point(x: 1, y: 0))
            case 1: (Point(x: sheetWidth, y: along * sheetHeight), Point(x: -1, y: 0))
            default: (Point(x: along * sheetWidth, y: sheetHeight), Point(x: 0, y: -1))
            }
            let length = random.uniform(45, 60) * millimetre, width = random.uniform(17, 23) * millimetre
            let reach = random.uniform(0.35, 0.6)  // the share of the thumb's length on the sheet
            let slant = random.uniform(-0.35, 0.35)
            let direction = Point(x: inward.x * cos(slant) - inward.y * sin(slant), y: inward.x * sin(slant) + inward.y * cos(slant))
            let normal = Point(x: -direction.y, y: direction.x)
            let centre = edgePoint + direction * (length * (reach - 0.5))
            func ellipse(_ scale: Double, shift: Double) -> [Point] {
                (0..<48).map { step -> Point in
                    let a = Double(step) / 48 * 2 * .pi
                    return toScene(centre + normal * (shift * width) + direction * (scale * length / 2 * cos(a)) + normal * (scale * width / 2 * sin(a)))
                }
            }
            let skin = skinTone(&random)
            let light = pow(min(1.3, max(0.35, room.meanLinear / 0.18)), 1 / 2.2)
            let offset = Point(x: random.uniform(-1, 1), y: random.uniform(0.5, 1.5)) * (0.004 * Double(frame.sceneWidth))
            try room.scene.shade(ellipse(1, shift: 0).map { $0 + offset }, strength: random.uniform(0.2, 0.45), softness: 0.01 * Double(frame.sceneWidth))
            let side = random.uniform(-0.08, 0.08)  // where the light falls across it
            for layer in 0..<12 {
                let t = Double(layer) / 11, shade = light * (0.8 + 0.25 * (1 - (1 - t) * (1 - t)))
                try room.scene.fill(ellipse(1 - 0.075 * Double(layer), shift: side * t), (b: min(255, skin.b * shade), g: min(255, skin.g * shade), r: min(255, skin.r * shade)))
            }
            parameters["thumb_edge"] = Double(edge)
            parameters["thumb_reach"] = reach
        }
        parameters.merge(["held": held ? 1 : 0, "glossy": glossy ? 1 : 0, "curvature": lighting.curvature, "view_distance": lighting.distance,
                          "print_illumination": lighting.illumination, "light_angle": lighting.light_angle, "specular": lighting.specular,
                          "specular_angle": lighting.specular_angle, "specular_width": lighting.specular_width, "area_fraction": area]) { $1 }
        return (room.scene, sheetFace.map(toScene), parameters)
    }

    /// Skin reflectance colours (BGR) from light to dark.
    static func skinTone(_ random: inout SynthRandom) -> SynthCanvas.Colour {
        let t = random.uniform(0, 1)
        let light = (b: 165.0, g: 190.0, r: 232.0), dark = (b: 60.0, g: 88.0, r: 135.0)
        return (b: light.b + (dark.b - light.b) * t, g: light.g + (dark.g - light.g) * t, r: light.r + (dark.r - light.r) * t)
    }
}
