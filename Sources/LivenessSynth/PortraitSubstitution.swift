import Foundation
import LivenessEngine

/// A genuine card whose portrait has been replaced, the two ways forgers do it. Nothing paints a
/// seam on: the paper's edge, its shadow, the interrupted security pattern, the colour mismatch
/// and the double compression follow from what is done.
enum PortraitSubstitution {
    /// Physical: another person's photo printed on paper, cut out a little off size and turned,
    /// glued over the portrait. Its paper edge stands proud of the card and casts a thin shadow;
    /// the print's colours differ from the card's; the security print under it is covered.
    static func physical(_ card: CardRenderer.Rendered, renderer: CardRenderer, random: inout SynthRandom) throws -> (Mat, [String: Double]) {
        let box = card.portrait
        let scale = random.uniform(0.92, 1.1), turn = random.uniform(-4, 4) * .pi / 180
        let width = box.width * scale, height = box.height * scale
        var face = try renderer.facePhoto(&random, width: Int(width), height: Int(height))
        // Printed on an office printer (a colour print at its own resolution), then seen at the card's.
        let millimetres = (long: max(width, height) / CardRenderer.pixelsPerMillimetre, short: min(width, height) / CardRenderer.pixelsPerMillimetre)
        let upright = face.rows > face.cols
        if upright { face = try face.oriented(exif: 6) }
        let printed = try PaperCopies.colourPrint(face, millimetres: millimetres, random: &random).image
            .resized(width: face.cols, height: face.rows, interpolation: .area)
        let piece = upright ? try printed.oriented(exif: 8) : printed
        // A colour cast of the other print (its paper and inks) over the card's own.
        let cast = (random.uniform(0.9, 1.1), random.uniform(0.93, 1.07), random.uniform(0.9, 1.1))
        let tinted = try piece.scaledChannels(b: cast.0, g: cast.1, r: cast.2)
        let centre = Point(x: box.center.x + random.uniform(-0.04, 0.04) * box.width, y: box.center.y + random.uniform(-0.04, 0.04) * box.height)
        let corners = [(-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)].map { (u, v) in
            Point(x: centre.x + u * width * cos(turn) - v * height * sin(turn), y: centre.y + u * width * sin(turn) + v * height * cos(turn))
        }
        let canvas = SynthCanvas(try card.image.cloned())
        // The shadow of the raised paper edge, offset away from the light, then the piece.
        let offset = Point(x: random.uniform(1, 4), y: random.uniform(1, 4))
        try canvas.shade(corners.map { Point(x: $0.x + offset.x, y: $0.y + offset.y) }, strength: random.uniform(0.2, 0.45), softness: random.uniform(2, 6))
        try canvas.warp(tinted, homography: try Geometry.homography(from: tinted.bounds.corners, to: corners), prefilter: 0)
        return (canvas.image, ["swap_scale": scale, "swap_turn_degrees": turn * 180 / .pi, "physical": 1])
    }

    /// Digital: the portrait replaced in an image of the card with a feathered seam, then the
    /// whole image saved as JPEG twice (edited and exported), before it is printed or shown.
    static func digital(_ card: CardRenderer.Rendered, renderer: CardRenderer, random: inout SynthRandom) throws -> (Mat, [String: Double]) {
        let box = card.portrait
        let face = try renderer.facePhoto(&random, width: Int(box.width), height: Int(box.height))
        let canvas = SynthCanvas(try card.image.cloned())
        // Feathering: concentric layers, more transparent towards the seam.
        let feather = random.uniform(4, 14)
        let layers = 6
        for layer in 0..<layers {
            let inset = feather * Double(layers - 1 - layer) / Double(layers)
            let inner = try face.cropped(Rect(x: inset, y: inset, width: box.width - 2 * inset, height: box.height - 2 * inset))
            try canvas.paste(inner, x: Int(box.x + inset), y: Int(box.y + inset), alpha: 1 / Double(layers - layer))
        }
        let first = random.integer(70...92), second = random.integer(70...92)
        var image = canvas.image
        for quality in [first, second] {
            image = try ImageDecoder().decode(try image.encoded(as: ".jpg", quality: quality)).pixels
        }
        return (image, ["feather": feather, "jpeg_first": Double(first), "jpeg_second": Double(second), "physical": 0])
    }
}

private extension Mat {

    /// Each channel multiplied by its gain, clipped: a colour cast.
    func scaledChannels(b: Double, g: Double, r: Double) throws -> Mat {
        var bytes = packedBytes()
        let gains = [b, g, r]
        for i in bytes.indices { bytes[i] = UInt8(min(255, (Double(bytes[i]) * gains[i % 3]).rounded())) }
        return try Mat(width: cols, height: rows, channels: 3, bytes: bytes)
    }
}
