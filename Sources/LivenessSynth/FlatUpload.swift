import Foundation
import LivenessEngine

/// An image uploaded as a file, not photographed (an edited scan sent as it is): the document
/// scaled to a plausible upload size (1000-2000 px on the long side), half the time on a plain
/// canvas with margins (a scanner's bed, a page), saved as JPEG at quality 70-95. No camera: no
/// perspective, noise, blur or lighting; the document's quad is axis-aligned.
enum FlatUpload {
    static func make(_ document: Mat, maximumSide: Int, random: inout SynthRandom) throws -> CameraCapture.Shot {
        let side = min(Double(maximumSide), random.uniform(1000, 2000))
        let onCanvas = random.chance(0.5)
        let margin = onCanvas ? (x: random.uniform(0.03, 0.15), y: random.uniform(0.03, 0.15)) : (x: 0.0, y: 0.0)
        // The canvas's long side is `side`; the document fills it less its margins.
        let canvasAspect = Double(document.cols) * (1 + 2 * margin.x) / (Double(document.rows) * (1 + 2 * margin.y))
        let canvasWidth = canvasAspect >= 1 ? side : side * canvasAspect, canvasHeight = canvasAspect >= 1 ? side / canvasAspect : side
        let width = Int(canvasWidth / (1 + 2 * margin.x)), height = Int(canvasHeight / (1 + 2 * margin.y))
        let left = Int(Double(width) * margin.x), top = Int(Double(height) * margin.y)
        let scaled = try document.resized(width: width, height: height, interpolation: .area)
        let background = Surface.plain.colour(&random)
        let canvas = SynthCanvas(try Surface.make(.plain, width: width + 2 * left, height: height + 2 * top, colour: background, seed: 0))
        try canvas.paste(scaled, x: left, y: top)
        let quality = random.integer(70...95)
        let homography = [Double(width) / Double(document.cols), 0, Double(left), 0, Double(height) / Double(document.rows), Double(top), 0, 0, 1]
        return CameraCapture.Shot(jpeg: try canvas.image.encoded(as: ".jpg", quality: quality), width: canvas.image.cols, height: canvas.image.rows,
                                  homography: homography,
                                  parameters: ["flat": 1, "jpeg_quality": Double(quality), "on_canvas": onCanvas ? 1 : 0, "canvas_level": onCanvas ? background.g : -1])
    }
}
