import Foundation
import LivenessEngine

/// Makes labelled synthetic photos: sample `index` of a run depends only on the seed and the
/// index, so runs are reproducible byte for byte and parallel workers need no coordination.
public struct SynthGenerator: Sendable {
    public var seed: UInt64
    public var species: [SynthSpecies]
    /// Face photos for the portraits.
    public var faces: [String]
    /// Largest output side in pixels (4032 allows every size up to 12 MP).
    public var maximumSide: Int
    /// Photos to lay documents on (`--backgrounds`), half the time; none: procedural surfaces only.
    public var backgrounds: [String]

    /// Typefaces, found once.
    let fonts: Fonts

    public init(seed: UInt64, species: [SynthSpecies] = SynthSpecies.allCases, facesFolder: String, maximumSide: Int = 4032,
                backgroundsFolder: String? = nil) throws {
        self.seed = seed
        self.species = species
        self.maximumSide = maximumSide
        backgrounds = try backgroundsFolder.map { try PhotoFolders.paths(in: [$0], of: "background photos") } ?? []
        faces = try PhotoFolders.paths(in: [facesFolder], of: "face photos")
        fonts = try Fonts.locate()
    }

    /// Sample `index`: the species cycle through `species` in order.
    ///
    /// What was added after corpora were made is drawn from streams of its own (1: glare, 2:
    /// background photo, 3: digital edits, 4: the contact shadow), so a sample that does not use
    /// it is the image it was.
    public func sample(_ index: Int) throws -> (jpeg: [UInt8], label: SynthLabel) {
        var random = SynthRandom(seed: seed, index: index)
        let kind = species[index % species.count]
        let format: DocumentFormat = random.chance(0.7) ? .id1 : .id3
        let template = random
        let renderer = CardRenderer(fonts: fonts, faces: faces)
        let card = try renderer.render(format, random: &random)
        var glareRandom = SynthRandom(seed: seed, index: index, stream: 1)
        var backgroundRandom = SynthRandom(seed: seed, index: index, stream: 2)
        let background = PhotoBackground.draw(from: backgrounds, random: &backgroundRandom)
        var contactRandom = SynthRandom(seed: seed, index: index, stream: 4)
        let contact = ContactShadow.draw(millimetres: ContactShadow.millimetres(of: format), random: &contactRandom)
        let shot: CameraCapture.Shot
        // The homography from the card's pixels to the photo's.
        let cardToPhoto: [Double]
        var parameters: [String: Double] = [:]
        var display: String?
        var edit: DigitalManipulation.Edit?
        switch kind {
        case .bonaFide:
            let glare = LaminateGlare.draw(width: Double(card.image.cols), height: Double(card.image.rows), random: &glareRandom)
            shot = try CameraCapture.photograph(card.image, random: &random, maximumSide: maximumSide, glare: glare, background: background,
                                                contact: contact)
            cardToPhoto = shot.homography
        case .portraitSubstitution:
            // Half swapped on paper, half digitally; either way the card is then photographed.
            let (swapped, details) = random.chance(0.5) ? try PortraitSubstitution.physical(card, renderer: renderer, random: &random)
                : try PortraitSubstitution.digital(card, renderer: renderer, random: &random)
            let glare = LaminateGlare.draw(width: Double(swapped.cols), height: Double(swapped.rows), random: &glareRandom)
            shot = try CameraCapture.photograph(swapped, random: &random, maximumSide: maximumSide, glare: glare, background: background,
                                                contact: contact)
            cardToPhoto = shot.homography
            parameters = details
        case .digitalManipulation:
            // Half photographed like a genuine card, half uploaded as the edited file itself.
            var editing = SynthRandom(seed: seed, index: index, stream: 3)
            let (edited, made) = try DigitalManipulation.apply(card, renderer: renderer, template: template, random: &editing)
            let flat = editing.chance(0.5)
            shot = flat ? try FlatUpload.make(edited, maximumSide: maximumSide, random: &editing)
                : try CameraCapture.photograph(edited, random: &random, maximumSide: maximumSide, background: background,
                                                contact: contact)
            cardToPhoto = shot.homography
            parameters = made.parameters
            parameters["flat"] = flat ? 1 : 0
            edit = made
        case .screenReplay:
            let shown = try ScreenReplay.show(card.image, documentMillimetres: format.millimetres!.long, random: &random)
            // Half the attackers frame the whole device; the others frame the document on it,
            // as they would a real card, and the display runs past the frame's edges.
            let closeUp = random.chance(0.5)
            shot = try CameraCapture.photograph(shown.emitted, random: &random, maximumSide: maximumSide,
                                                areaFraction: closeUp ? 0.2...0.7 : 0.35...0.9, maximumTilt: 25,
                                                surroundings: random.uniform(0.25, 0.6), subject: closeUp ? shown.document.boundingBox : nil,
                                                background: background, millimetresPerPixel: shown.millimetresPerPixel)
            parameters["close_up"] = closeUp ? 1 : 0
            // Card pixels -> emitted pixels (an axis-aligned scale and shift) -> photo.
            cardToPhoto = shot.homography.multiplied(by: try Geometry.homography(from: card.image.bounds.corners, to: shown.document.corners))
            parameters.merge(shown.parameters) { $1 }
            display = shown.display
        case .printedCopy, .greyCopy:
            let millimetres = format.millimetres!
            let copy = kind == .printedCopy ? try PaperCopies.colourPrint(card.image, millimetres: millimetres, random: &random)
                : try PaperCopies.photocopy(card.image, millimetres: millimetres, random: &random)
            // Left on its A4 sheet, or cut out along the document's edge.
            let onSheet = random.chance(0.5)
            let carrier = onSheet ? try PaperCopies.onSheet(copy, millimetres: millimetres, random: &random) : nil
            shot = try CameraCapture.photograph(copy.image, random: &random, maximumSide: maximumSide,
                                                areaFraction: onSheet ? 0.3...0.8 : 0.15...0.8, carrier: carrier, background: background,
                                                millimetresPerPixel: 1 / copy.pixelsPerMillimetre, contact: contact.thick(ContactShadow.paperMillimetres))
            let s = copy.pixelsPerMillimetre / CardRenderer.pixelsPerMillimetre
            cardToPhoto = shot.homography.multiplied(by: [s, 0, 0, 0, s, 0, 0, 0, 1])
            parameters = copy.parameters
            parameters["on_sheet"] = onSheet ? 1 : 0
        }
        let documentQuad = card.image.bounds.corners.map { Geometry.apply(cardToPhoto, to: $0) }
        let portraitQuad = card.portrait.corners.map { Geometry.apply(cardToPhoto, to: $0) }
        parameters.merge(shot.parameters) { $1 }
        let name = String(format: "%06d_%@.jpg", index, kind.rawValue)
        var label = SynthLabel(file: name, class: kind.isAttack ? "attack" : "bona_fide", species: kind.rawValue, format: format.rawValue,
                               doc_quad: documentQuad.map { [rounded($0.x), rounded($0.y)] },
                               portrait_quad: portraitQuad.map { [rounded($0.x), rounded($0.y)] },
                               width: shot.width, height: shot.height, seed: seed, index: index, display: display, parameters: parameters)
        label.background = shot.parameters["background_zoom"] != nil ? background?.name : nil
        if let edit {
            label.manipulation = edit.kind.rawValue
            let regions = [("edited", edit.region)] + (edit.source.map { [("source", $0)] } ?? [])
            label.edits = regions.map { role, box in
                SynthEdit(role: role, card_box: [box.x, box.y, box.width, box.height],
                          image_quad: box.corners.map { Geometry.apply(cardToPhoto, to: $0) }.map { [rounded($0.x), rounded($0.y)] })
            }
        }
        return (shot.jpeg, label)
    }

    private func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
