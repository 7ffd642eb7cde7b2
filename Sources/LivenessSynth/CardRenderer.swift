import Foundation
import LivenessEngine

/// A bona fide document as printed: rendered procedurally at 20 px/mm, so no two designs are
/// the same template. Security printing (guilloche rosettes, fine-line waves, a rainbow
/// gradient, microtext), text fields in real typefaces, a portrait cut from a real face photo, a
/// ghost image, a signature, optionally a chip and a hologram patch; ID-3 pages carry a
/// two-line MRZ in OCR-B.
struct CardRenderer {
    static let pixelsPerMillimetre = 20.0

    struct Rendered {
        var image: Mat
        var format: DocumentFormat
        /// The portrait's box on the card, in card pixels.
        var portrait: Rect
        /// The text fields' values as drawn, top to bottom.
        var fields: [Field] = []
        /// The values' typeface and ink.
        var valueFont: String = ""
        var textInk: SynthCanvas.Colour = (0, 0, 0)
    }

    /// A field's value as drawn: its text, its baseline's left end, its height and where its ink
    /// lies (card pixels: from one height above the baseline to 0.35 below, the descenders).
    struct Field {
        var caption: String
        var value: String
        var baseline: Point
        var height: Double
        var width: Double

        var box: Rect { Self.box(baseline: baseline, height: height, width: width) }

        static func box(baseline: Point, height: Double, width: Double) -> Rect {
            Rect(x: baseline.x - 0.1 * height, y: baseline.y - 1.05 * height, width: width + 0.2 * height, height: 1.4 * height)
        }
    }

    let fonts: Fonts
    let faces: [String]

    /// - Parameter omitting: the index of a field whose value is left out (its caption and
    ///   everything under it drawn as usual): the card a forger with the template would start
    ///   from. The draws are the same either way.
    func render(_ format: DocumentFormat, random: inout SynthRandom, omitting: Int? = nil) throws -> Rendered {
        let size = format.millimetres!
        let scale = Self.pixelsPerMillimetre
        let width = Int(size.long * scale), height = Int(size.short * scale)
        let paper = pastel(&random)
        let canvas = SynthCanvas(try Surface.make(.paper, width: width, height: height, colour: paper, seed: random.seed()))
        func mm(_ value: Double) -> Double { value * scale }

        // Rainbow printing: the background hue drifts across the card in soft bands.
        let second = pastel(&random)
        for band in 0..<24 {
            let t = Double(band) / 23
            let colour = (b: paper.b + (second.b - paper.b) * t, g: paper.g + (second.g - paper.g) * t, r: paper.r + (second.r - paper.r) * t)
            try canvas.rectangle(x: Double(width) * Double(band) / 24, y: 0, width: Double(width) / 24 + 1, height: Double(height), colour)
        }
        // Guilloche rosettes: families of interlaced closed curves in fine lines (0.05 mm).
        let ink = darker(paper, by: random.uniform(0.65, 0.8))
        for _ in 0..<random.integer(1...2) {
            let centre = Point(x: mm(random.uniform(0.45, 0.9) * size.long), y: mm(random.uniform(0.3, 0.7) * size.short))
            let radius = mm(random.uniform(0.25, 0.45) * size.short)
            let lobes = Double(random.integer(5...14)), ripple = Double(random.integer(20...60))
            for curve in 0..<random.integer(14...28) {
                let shift = Double(curve) * 0.12
                let points = (0..<720).map { step -> Point in
                    let a = Double(step) / 720 * 2 * .pi
                    let r = radius * (0.55 + 0.4 * cos(lobes * a + shift)) * (1 + 0.05 * sin(ripple * a))
                    return Point(x: centre.x + r * cos(a), y: centre.y + r * sin(a))
                }
                try canvas.line(points, ink, closed: true)
            }
        }
        // Fine-line waves across the whole card.
        let waveInk = darker(second, by: random.uniform(0.75, 0.88))
        let amplitude = mm(random.uniform(0.6, 2)), wavelength = mm(random.uniform(6, 14))
        for row in stride(from: 0.0, to: Double(height), by: mm(random.uniform(0.5, 0.9))) {
            let points = stride(from: 0.0, through: Double(width), by: 6).map { x in
                Point(x: x, y: row + amplitude * sin(2 * .pi * x / wavelength + row / wavelength))
            }
            try canvas.line(points, waveInk)
        }

        // Header band with the issuing state and the document's title.
        let header = (b: random.uniform(60, 170), g: random.uniform(40, 140), r: random.uniform(20, 120))
        let headerHeight = mm(random.uniform(7, 10))
        try canvas.rectangle(x: 0, y: 0, width: Double(width), height: headerHeight, header, alpha: random.uniform(0.75, 1))
        let state = random.pick(Self.states)
        try canvas.text(state.uppercased(), font: fonts.sansBold, x: mm(4), y: headerHeight * 0.72, height: headerHeight * 0.55, (240, 240, 240))
        try canvas.text(format == .id1 ? "IDENTITY CARD" : "PASSPORT", font: fonts.sans, x: mm(size.long * 0.55), y: headerHeight * 0.72,
                        height: headerHeight * 0.4, (235, 235, 235))
        // Microtext: a line of 0.6 mm text under the header, legible only under magnification.
        let micro = String(repeating: state.uppercased() + " ", count: 12)
        try canvas.text(micro, font: fonts.condensed, x: mm(1), y: headerHeight + mm(1.1), height: mm(0.6), darker(paper, by: 0.55))

        // Portrait (ICAO 9303: the left part of the document), from a real face photo.
        let portrait = Rect(x: mm(4), y: headerHeight + mm(3), width: mm(format == .id1 ? 25 : 32), height: mm(format == .id1 ? 32 : 42))
        let face = try facePhoto(&random, width: Int(portrait.width), height: Int(portrait.height))
        try canvas.paste(face, x: Int(portrait.x), y: Int(portrait.y))

        // Text fields: a small caption over each value.
        let fieldX = portrait.x + portrait.width + mm(4)
        var y = portrait.y + mm(2.5)
        let valueHeight = mm(format == .id1 ? 2.6 : 3.2), captionHeight = mm(1.5)
        let textInk = (b: random.uniform(10, 50), g: random.uniform(10, 40), r: random.uniform(10, 40))
        let valueFont = random.pick([fonts.sans, fonts.serif, fonts.condensed])
        var drawn: [Field] = []
        for (caption, value) in fields(&random) {
            try canvas.text(caption, font: fonts.sans, x: fieldX, y: y, height: captionHeight, darker(paper, by: 0.45))
            let baseline = Point(x: fieldX, y: y + valueHeight + mm(0.6))
            let width = drawn.count == omitting ? try textWidth(value, font: valueFont, height: valueHeight)
                : try canvas.text(value, font: valueFont, x: baseline.x, y: baseline.y, height: valueHeight, textInk)
            drawn.append(Field(caption: caption, value: value, baseline: Point(x: Double(Int(baseline.x)), y: Double(Int(baseline.y))),
                               height: Double(Int(valueHeight)), width: width))
            y += valueHeight + captionHeight + mm(1.8)
            if y > Double(height) - mm(format == .id1 ? 8 : 22) { break }
        }
        // Signature: a smooth random stroke.
        var pen = Point(x: fieldX + mm(random.uniform(0, 10)), y: min(y + mm(3), Double(height) - mm(format == .id1 ? 5 : 20)))
        var signature: [Point] = []
        for step in 0..<90 {
            pen = Point(x: pen.x + mm(0.35), y: pen.y + mm(1.2) * sin(Double(step) * random.uniform(0.2, 0.6)))
            signature.append(pen)
        }
        try canvas.line(signature, (120, 40, 20), thickness: 3)

        // Ghost image: a small faded grey copy of the portrait.
        let ghost = try face.grey().converted(.greyToBGR).resized(width: Int(portrait.width * 0.45), height: Int(portrait.height * 0.45))
        try canvas.paste(ghost, x: width - ghost.cols - Int(mm(5)), y: height - ghost.rows - Int(mm(format == .id1 ? 4 : 22)), alpha: 0.3)
        // Optional contact chip (ID-1) and hologram patch.
        if format == .id1 && random.chance(0.5) {
            let chip = Rect(x: mm(random.uniform(34, 40)), y: mm(random.uniform(20, 26)), width: mm(11), height: mm(9))
            try canvas.rectangle(x: chip.x, y: chip.y, width: chip.width, height: chip.height, (60, 160, 200))
            for line in 1..<4 {
                try canvas.line([Point(x: chip.x, y: chip.y + chip.height * Double(line) / 4), Point(x: chip.x + chip.width, y: chip.y + chip.height * Double(line) / 4)], (40, 110, 150), thickness: 2)
            }
        }
        if random.chance(0.5) {
            let centre = Point(x: portrait.x + portrait.width * random.uniform(0.6, 1.1), y: portrait.y + portrait.height * random.uniform(0.6, 1))
            for ring in 0..<6 {
                let r = mm(7 - Double(ring))
                let hue = Double(ring) / 6
                try canvas.fill((0..<48).map { Point(x: centre.x + r * 1.3 * cos(Double($0) * .pi / 24), y: centre.y + r * sin(Double($0) * .pi / 24)) },
                                (b: 128 + 127 * sin(2 * .pi * hue), g: 128 + 127 * sin(2 * .pi * (hue + 0.33)), r: 128 + 127 * sin(2 * .pi * (hue + 0.66))), alpha: 0.12)
            }
        }
        if format == .id3 { try machineReadableZone(canvas, &random, width: Double(width), height: Double(height)) }
        return Rendered(image: canvas.image, format: format, portrait: portrait, fields: drawn, valueFont: valueFont, textInk: textInk)
    }

    /// The width text would take, measured on a scratch canvas.
    func textWidth(_ text: String, font: String, height: Double) throws -> Double {
        let scratch = SynthCanvas(try Surface.make(.plain, width: 4, height: 4, colour: (0, 0, 0), seed: 0))
        return try scratch.text(text, font: font, x: 0, y: 2, height: height, (255, 255, 255))
    }

    /// Two 44-character OCR-B lines at the foot of a passport page (ICAO 9303 TD3).
    private func machineReadableZone(_ canvas: SynthCanvas, _ random: inout SynthRandom, width: Double, height: Double) throws {
        let scale = Self.pixelsPerMillimetre
        try canvas.rectangle(x: 0, y: height - 17 * scale, width: width, height: 17 * scale, (250, 250, 250), alpha: 0.6)
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), digits = Array("0123456789")
        let name = random.pick(Self.surnames).uppercased() + "<<" + random.pick(Self.givenNames).uppercased()
        let first = String(("P<" + String((0..<3).map { _ in random.pick(letters) }) + name + String(repeating: "<", count: 44)).prefix(44))
        let second = String((String((0..<9).map { _ in random.pick(digits) }) + String(repeating: "<", count: 44)).prefix(44))
        for (index, line) in [first, second].enumerated() {
            try canvas.text(line, font: fonts.mrz, x: 5 * scale, y: height - (10.5 - 6 * Double(index)) * scale, height: 3.2 * scale, (20, 20, 20))
        }
    }

    /// A face photo cut to the portrait's shape (centred, from the upper part of the photo).
    func facePhoto(_ random: inout SynthRandom, width: Int, height: Int) throws -> Mat {
        let path = random.pick(faces)
        let photo = try ImageDecoder().decode([UInt8](Data(contentsOf: URL(fileURLWithPath: path)))).pixels
        let aspect = Double(width) / Double(height)
        let cropWidth = min(Double(photo.cols), Double(photo.rows) * aspect) * random.uniform(0.85, 1)
        let cropHeight = cropWidth / aspect
        let x = (Double(photo.cols) - cropWidth) / 2, y = (Double(photo.rows) - cropHeight) * random.uniform(0.1, 0.4)
        return try photo.warped(quad: Quad([Point(x: x, y: y), Point(x: x + cropWidth, y: y), Point(x: x + cropWidth, y: y + cropHeight),
                                            Point(x: x, y: y + cropHeight)]), width: width, height: height)
    }

    private func fields(_ random: inout SynthRandom) -> [(String, String)] {
        let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        func date(_ years: ClosedRange<Int>) -> String {
            String(format: "%02d %@ %04d", random.integer(1...28), random.pick(months), random.integer(years))
        }
        return [
            ("SURNAME / NOM", random.pick(Self.surnames).uppercased()),
            ("GIVEN NAMES / PRÉNOMS", random.pick(Self.givenNames).uppercased()),
            ("DATE OF BIRTH", date(1950...2006)),
            ("SEX", random.pick(["F", "M"])),
            ("DOCUMENT NO", String((0..<9).map { _ in random.pick(Array("ABCDEFGHJKLMNPRSTUVXYZ0123456789")) })),
            ("DATE OF EXPIRY", date(2027...2036)),
        ]
    }

    private func pastel(_ random: inout SynthRandom) -> SynthCanvas.Colour {
        (b: random.uniform(170, 245), g: random.uniform(170, 245), r: random.uniform(170, 245))
    }

    private func darker(_ colour: SynthCanvas.Colour, by factor: Double) -> SynthCanvas.Colour {
        (b: colour.b * factor, g: colour.g * factor, r: colour.r * factor)
    }

    static let states = ["Republic of Avalon", "Borealia", "Kingdom of Estmark", "Federal Republic of Norlund", "Lusitania Nova", "Vesterland"]
    static let surnames = ["Moreau", "Okafor", "Nowak", "Lindqvist", "Fernández", "Haddad", "Kowalczyk", "Papadopoulos", "Tanaka", "Novak", "Schmidt", "Rossi"]
    static let givenNames = ["Amélie", "Chidi", "Ewa", "Lars", "Lucía", "Karim", "Anna", "Nikos", "Yuki", "Petra", "Jonas", "Giulia"]
}
