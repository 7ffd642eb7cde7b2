import COpenCVShim
import Foundation
import LivenessEngine

/// Paper reproductions of a document, made the way printers and copiers make them; nothing here
/// paints a cue on: halftone periodicity, the reduced gamut of four inks, missing laminate and
/// the copier's lost colour follow from the process.
enum PaperCopies {
    struct Copy {
        /// The reproduction at the device's resolution.
        var image: Mat
        var pixelsPerMillimetre: Double
        var parameters: [String: Double]
    }

    /// A colour print of a scan or photo of the document (150-400 dpi, blurred by its optics),
    /// resampled to the printer's resolution (600-1200 dpi),
    /// separated into CMYK, screened as clustered dots at 85-200 lpi on the classic angles
    /// (C 15, M 75, Y 0, K 45 degrees; laser and offset) or error-diffused (inkjet), with dot
    /// gain, the inks' subtractive mixing and paper fibre.
    static func colourPrint(_ document: Mat, millimetres: (long: Double, short: Double), random: inout SynthRandom) throws -> Copy {
        let dpi = millimetres.long > 100 ? random.pick([600.0, 720]) : random.pick([600.0, 720, 1200])
        let lpi = random.uniform(85, 200)
        let inkjet = random.chance(0.3)
        let scale = dpi / 25.4
        let width = Int(millimetres.long * scale), height = Int(millimetres.short * scale)
        // The attacker prints a scan or a photo of the genuine card, not its digital master: the
        // source's resolution (150-400 dpi) and its optics' blur limit the finest lines and text.
        let sourceDPI = random.uniform(150, 400), sourceBlur = random.uniform(0.5, 1.0)
        let sourceScale = sourceDPI / 25.4
        let source = try document.resized(width: Int(millimetres.long * sourceScale), height: Int(millimetres.short * sourceScale), interpolation: .area)
            .gaussianBlurred(kernel: 0, sigma: sourceBlur)
        let resampled = try source.resized(width: width, height: height, interpolation: .linear)
        let rotation = random.uniform(-3, 3)
        let angles = [15.0, 75, 0, 45].map { $0 + rotation }
        let paper = (b: random.uniform(225, 245), g: random.uniform(235, 250), r: random.uniform(238, 252))
        let dotGain = random.uniform(0.1, 0.4), blackGeneration = random.uniform(0.5, 1)
        let seed = random.seed()
        let printed = try Mat.make {
            lv_synth_print(resampled.handle, inkjet ? 1 : 0, dpi / lpi, angles, dotGain, [paper.b, paper.g, paper.r], blackGeneration, seed, $0, $1)
        }
        return Copy(image: printed, pixelsPerMillimetre: scale,
                    parameters: ["source_dpi": sourceDPI, "source_blur": sourceBlur, "print_dpi": dpi, "print_lpi": inkjet ? 0 : lpi, "inkjet": inkjet ? 1 : 0, "dot_gain": dotGain,
                                 "screen_rotation": rotation, "black_generation": blackGeneration])
    }

    /// A grey photocopy at the copier's 300 or 600 dpi: softened scan, steep toner curve, stray
    /// toner, banding.
    static func photocopy(_ document: Mat, millimetres: (long: Double, short: Double), random: inout SynthRandom) throws -> Copy {
        let dpi = random.pick([300.0, 600])
        let scale = dpi / 25.4
        let resampled = try document.resized(width: Int(millimetres.long * scale), height: Int(millimetres.short * scale), interpolation: .area)
        let contrast = random.uniform(6, 12), toner = random.uniform(0.8, 0.97), speckle = random.uniform(0, 0.002)
        let banding = random.uniform(0, 0.08), paper = random.uniform(225, 250)
        let seed = random.seed()
        let copy = try Mat.make { lv_synth_photocopy(resampled.handle, contrast, toner, speckle, banding, paper, seed, $0, $1) }
        return Copy(image: copy, pixelsPerMillimetre: scale,
                    parameters: ["copy_dpi": dpi, "copy_contrast": contrast, "toner": toner, "speckle": speckle, "banding": banding])
    }

    /// An A4 sheet (210 x 297 mm, drawn at 4 px/mm) with the copy somewhere on it, possibly
    /// turned: the sheet is what the photographer frames, the copy what the check must find.
    static func onSheet(_ copy: Copy, millimetres: (long: Double, short: Double), random: inout SynthRandom) throws -> CameraCapture.Carrier {
        let sheetScale = 4.0
        let level = random.uniform(225, 250)
        let sheet = try Surface.make(.paper, width: Int(210 * sheetScale), height: Int(297 * sheetScale), colour: (level, level, level * 0.99),
                                     seed: random.seed())
        let left = random.uniform(15, 210 - millimetres.long - 15), top = random.uniform(15, 297 - millimetres.short - 15)
        let scale = sheetScale / copy.pixelsPerMillimetre
        let placement = [scale, 0, left * sheetScale, 0, scale, top * sheetScale, 0, 0, 1]
        return CameraCapture.Carrier(image: sheet, placement: placement, millimetresPerPixel: 1 / sheetScale)
    }
}
