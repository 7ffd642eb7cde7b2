import Foundation
@testable import LivenessEngine
@testable import LivenessSynth
import LivenessTestSupport
import Testing

/// `digital_manipulation`: the edits change the card where the label says and nowhere else, and
/// uploads that were never photographed look it.
@Suite(.enabled(if: SharedData.available, "needs ../shared (face sources)"))
struct DigitalManipulationTests {
    static let faces = SharedData.root + "/data/face-sources/deepface"

    /// A card of sample `index` and the generator's state before it was drawn.
    static func card(_ index: Int, format: DocumentFormat = .id1) throws -> (CardRenderer, CardRenderer.Rendered, SynthRandom) {
        let generator = try SynthGenerator(seed: 31, facesFolder: faces)
        let renderer = CardRenderer(fonts: generator.fonts, faces: generator.faces)
        var random = SynthRandom(seed: 31, index: index)
        let template = random
        return (renderer, try renderer.render(format, random: &random), template)
    }

    /// The pixels (x, y) where two images of one size differ at all.
    static func differences(_ a: Mat, _ b: Mat) -> [(x: Int, y: Int)] {
        let first = a.packedBytes(), second = b.packedBytes(), width = a.cols
        var found: [(x: Int, y: Int)] = []
        var i = 0
        while i < first.count {
            if first[i] != second[i] || first[i + 1] != second[i + 1] || first[i + 2] != second[i + 2] { found.append(((i / 3) % width, (i / 3) / width)) }
            i += 3
        }
        return found
    }

    static func inside(_ p: (x: Int, y: Int), _ box: Rect) -> Bool {
        Double(p.x) >= box.x && Double(p.y) >= box.y && Double(p.x) < box.x + box.width && Double(p.y) < box.y + box.height
    }

    @Test("a field's box holds every pixel of its value: the card redrawn without it differs only there")
    func fieldBoxesHoldTheirText() throws {
        for index in 0..<3 {
            let (renderer, card, template) = try Self.card(index, format: index == 2 ? .id3 : .id1)
            #expect(card.fields.count >= 5)
            for field in [0, 2, 4] {
                var again = template
                let without = try renderer.render(card.format, random: &again, omitting: field).image
                let changed = Self.differences(card.image, without)
                #expect(changed.count > 200, "the value's ink: \(changed.count) px")
                #expect(changed.allSatisfy { Self.inside($0, card.fields[field].box) }, "card \(index) field \(field)")
            }
        }
    }

    @Test("copy-move: the edited box is a pixel-exact copy of its source on the same card, and nothing else changed")
    func copyMoveCopies() throws {
        for index in 0..<4 {
            let (_, card, _) = try Self.card(index)
            var random = SynthRandom(seed: 5, index: index, stream: 3)
            let (edited, edit) = try DigitalManipulation.copyMove(card, random: &random)
            let source = try #require(edit.source)
            #expect(source.width == edit.region.width && source.height == edit.region.height)
            #expect(try edited.cropped(edit.region).packedBytes() == card.image.cropped(source).packedBytes())
            #expect(try card.image.cropped(edit.region).packedBytes() != card.image.cropped(source).packedBytes(), "it covered another value")
            #expect(Self.differences(card.image, edited).allSatisfy { Self.inside($0, edit.region) })
        }
    }

    @Test("splicing and re-typing change the card inside the labelled box only, and change it there")
    func editsStayInTheirBox() throws {
        var inpainted: Set<Double> = []
        for index in 0..<8 {
            let (renderer, card, template) = try Self.card(index)
            var random = SynthRandom(seed: 6, index: index, stream: 3)
            let (edited, edit) = index % 4 == 0 ? try DigitalManipulation.splice(card, renderer: renderer, random: &random)
                : try DigitalManipulation.retype(card, renderer: renderer, template: template, random: &random)
            let changed = Self.differences(card.image, edited)
            #expect(changed.count > 100, "\(edit.kind): \(changed.count) px changed")
            #expect(changed.allSatisfy { Self.inside($0, edit.region) }, "\(edit.kind)")
            // The box covers the edited field's value.
            let field = card.fields[Int(edit.parameters["edited_field"]!)]
            #expect(edit.region.intersection(field.box).area > 0.9 * field.box.area)
            if edit.kind == .retype { inpainted.insert(edit.parameters["inpainted"]!) }
        }
        #expect(inpainted == [0, 1], "both erasures occur")
    }

    @Test("digital_manipulation samples: labelled edits inside the document; flat uploads axis-aligned with no camera, captures in perspective")
    func samples() throws {
        let generator = try SynthGenerator(seed: 8, species: [.digitalManipulation], facesFolder: Self.faces, maximumSide: 1280)
        var kinds: Set<String> = [], flats: Set<Double> = []
        for index in 0..<8 {
            let (jpeg, label) = try generator.sample(index)
            #expect(label.class == "attack" && label.species == "digital_manipulation")
            let kind = try #require(label.manipulation)
            kinds.insert(kind)
            let edits = try #require(label.edits)
            #expect(edits.count == (kind == "copy_move" ? 2 : 1))
            let document = Quad(label.doc_quad.map { Point(x: $0[0], y: $0[1]) })
            for edit in edits {
                let quad = Quad(edit.image_quad.map { Point(x: $0[0], y: $0[1]) })
                #expect(quad.sharedArea(with: document) > 0.99 * quad.area, "the edit lies on the document")
            }
            let flat = try #require(label.parameters["flat"])
            flats.insert(flat)
            let q = label.doc_quad
            let axisAligned = q[0][1] == q[1][1] && q[1][0] == q[2][0] && q[2][1] == q[3][1] && q[3][0] == q[0][0]
            #expect(axisAligned == (flat == 1), "flat uploads and only they are axis-aligned: \(q)")
            let image = try ImageDecoder().decode(jpeg).pixels
            #expect(image.cols == label.width && image.rows == label.height)
            if flat == 1 {
                #expect(label.parameters["kelvin"] == nil && label.parameters["shot_noise"] == nil, "no camera")
            }
        }
        #expect(flats == [0, 1], "both flat uploads and photographs occur")
        #expect(kinds.count >= 2, "\(kinds)")
    }
}
