import COpenCVShim
import Foundation
import LivenessEngine

/// A document edited as an image before it is shown, the three ways text fields are forged: a
/// field's pixels copied over another field (copy-move), a field cut from another card and pasted
/// in (splicing), or a value erased and typed again (re-typing). The edit is made on the digital
/// card, where the renderer knows every field; nothing marks it: the mismatched security print
/// under a spliced field, the duplicated pixels of a copy-move, the inpainted or re-rendered
/// background and the other typeface of re-typed text follow from what was done.
enum DigitalManipulation {
    enum Kind: String, CaseIterable, Sendable {
        case copyMove = "copy_move", splice, retype
    }

    struct Edit {
        var kind: Kind
        /// Where the card was changed (card pixels, whole pixels): every changed pixel is inside.
        var region: Rect
        /// Where a copy-move's pixels came from (card pixels).
        var source: Rect?
        var parameters: [String: Double]
    }

    /// Edits `card`, rendered from `template` (the generator's state before the card was drawn:
    /// a forger with the template redraws the card without a value).
    static func apply(_ card: CardRenderer.Rendered, renderer: CardRenderer, template: SynthRandom,
                      random: inout SynthRandom) throws -> (image: Mat, edit: Edit) {
        let kind = random.pick(Kind.allCases)
        guard card.fields.count >= 2 else { throw SynthError("a card with fewer than two fields") }
        switch kind {
        case .copyMove: return try copyMove(card, random: &random)
        case .splice: return try splice(card, renderer: renderer, random: &random)
        case .retype: return try retype(card, renderer: renderer, template: template, random: &random)
        }
    }

    /// One field's value, with the background under it, pasted over another field's value.
    static func copyMove(_ card: CardRenderer.Rendered, random: inout SynthRandom) throws -> (image: Mat, edit: Edit) {
        let from = random.integer(0...(card.fields.count - 1))
        var to = random.integer(0...(card.fields.count - 2))
        if to >= from { to += 1 }
        let (image, sourceBox, targetBox) = try paste(card.fields[from], of: card.image, over: card.fields[to], of: card.image)
        return (image, Edit(kind: .copyMove, region: targetBox, source: sourceBox,
                                   parameters: ["manipulation": 0, "source_field": Double(from), "edited_field": Double(to)]))
    }

    /// The same field of another card (another design: its own background and colours) pasted over
    /// this card's value.
    static func splice(_ card: CardRenderer.Rendered, renderer: CardRenderer, random: inout SynthRandom) throws -> (image: Mat, edit: Edit) {
        let donor = try renderer.render(card.format, random: &random)
        let field = random.integer(0...(min(card.fields.count, donor.fields.count) - 1))
        let (image, _, targetBox) = try paste(donor.fields[field], of: donor.image, over: card.fields[field], of: card.image)
        return (image, Edit(kind: .splice, region: targetBox, source: nil, parameters: ["manipulation": 1, "edited_field": Double(field)]))
    }

    /// A value erased (half the time inpainted from around it, half the time the background
    /// redrawn from the template) and another typed in its place in another typeface, size and ink.
    static func retype(_ card: CardRenderer.Rendered, renderer: CardRenderer, template: SynthRandom,
                       random: inout SynthRandom) throws -> (image: Mat, edit: Edit) {
        let index = random.integer(0...(card.fields.count - 1))
        let field = card.fields[index]
        var redraw = template
        let clean = try renderer.render(card.format, random: &redraw, omitting: index).image
        let inpainted = random.chance(0.5)
        let erased: Mat
        if inpainted {
            erased = try card.image.cloned()
            let box = field.box
            let pixels = [Int32(box.x), Int32(box.y), Int32(box.width.rounded(.up)), Int32(box.height.rounded(.up))]
            try shimCall { lv_synth_erase_difference(erased.handle, clean.handle, pixels, 12, 3, $0) }
        } else {
            erased = clean
        }
        let fonts = renderer.fonts
        let font = random.pick([fonts.sans, fonts.sansBold, fonts.serif, fonts.condensed, fonts.mrz].filter { $0 != card.valueFont })
        let scale = random.uniform(0.85, 1.15)
        let baseline = Point(x: field.baseline.x + random.uniform(-0.3, 0.3) * field.height, y: field.baseline.y + random.uniform(-0.08, 0.08) * field.height)
        let ink = card.textInk
        let shift = { (value: Double, random: inout SynthRandom) in min(255, max(0, value + random.uniform(-25, 25))) }
        let newInk = (b: shift(ink.b, &random), g: shift(ink.g, &random), r: shift(ink.r, &random))
        let value = replacement(for: field, random: &random)
        let typed = SynthCanvas(erased)
        let height = (field.height * scale).rounded(.down)
        let x = baseline.x.rounded(.down), y = baseline.y.rounded(.down)
        let width = try typed.text(value, font: font, x: x, y: y, height: height, newInk)
        let newBox = CardRenderer.Field.box(baseline: Point(x: x, y: y), height: height, width: width)
        let region = whole(field.box.union(newBox), in: card.image)
        let canvas = SynthCanvas(try card.image.cloned())
        try canvas.paste(try typed.image.cropped(region), x: Int(region.x), y: Int(region.y))
        let fontIndex = Double([fonts.sans, fonts.sansBold, fonts.serif, fonts.condensed, fonts.mrz].firstIndex(of: font) ?? -1)
        return (canvas.image, Edit(kind: .retype, region: region, source: nil,
                                   parameters: ["manipulation": 2, "edited_field": Double(index), "inpainted": inpainted ? 1 : 0,
                                                "retype_font": fontIndex, "retype_scale": scale]))
    }

    /// Another value of the field's kind.
    private static func replacement(for field: CardRenderer.Field, random: inout SynthRandom) -> String {
        let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        switch field.caption {
        case let c where c.hasPrefix("SURNAME"): return random.pick(CardRenderer.surnames.map { $0.uppercased() }.filter { $0 != field.value })
        case let c where c.hasPrefix("GIVEN"): return random.pick(CardRenderer.givenNames.map { $0.uppercased() }.filter { $0 != field.value })
        case let c where c.hasPrefix("DATE"): return String(format: "%02d %@ %04d", random.integer(1...28), random.pick(months), random.integer(1950...2040))
        case "SEX": return field.value == "F" ? "M" : "F"
        default: return String((0..<9).map { _ in random.pick(Array("ABCDEFGHJKLMNPRSTUVXYZ0123456789")) })
        }
    }

    /// Two boxes of one size, in whole pixels, both inside the image (cut on the right and below
    /// where either would leave it).
    /// `card` with the value of `source` (a field of `sourceImage`), and the background under it,
    /// pasted over the value of `target`, in a box wide enough to cover both; the two boxes.
    private static func paste(_ source: CardRenderer.Field, of sourceImage: Mat, over target: CardRenderer.Field,
                              of card: Mat) throws -> (image: Mat, source: Rect, target: Rect) {
        let width = max(source.width, target.width)
        let (sourceBox, targetBox) = try pair(CardRenderer.Field.box(baseline: source.baseline, height: source.height, width: width),
                                              CardRenderer.Field.box(baseline: target.baseline, height: target.height, width: width), in: card)
        let canvas = SynthCanvas(try card.cloned())
        try canvas.paste(try sourceImage.cropped(sourceBox), x: Int(targetBox.x), y: Int(targetBox.y))
        return (canvas.image, sourceBox, targetBox)
    }

    private static func pair(_ a: Rect, _ b: Rect, in image: Mat) throws -> (Rect, Rect) {
        let ax = max(0, a.x.rounded(.down)), ay = max(0, a.y.rounded(.down)), bx = max(0, b.x.rounded(.down)), by = max(0, b.y.rounded(.down))
        let width = min(a.width.rounded(.up), Double(image.cols) - max(ax, bx)), height = min(a.height.rounded(.up), Double(image.rows) - max(ay, by))
        guard width > 0, height > 0 else { throw SynthError("a field outside the card") }
        return (Rect(x: ax, y: ay, width: width, height: height), Rect(x: bx, y: by, width: width, height: height))
    }

    /// `rect` rounded outwards to whole pixels and clipped to the image.
    private static func whole(_ rect: Rect, in image: Mat) -> Rect {
        let left = max(0, rect.x.rounded(.down)), top = max(0, rect.y.rounded(.down))
        let right = min(Double(image.cols), (rect.x + rect.width).rounded(.up)), bottom = min(Double(image.rows), (rect.y + rect.height).rounded(.up))
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }
}
