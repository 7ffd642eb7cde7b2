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

    /// Typefaces, found once.
    let fonts: Fonts

    public init(seed: UInt64, species: [SynthSpecies] = SynthSpecies.allCases, facesFolder: String, maximumSide: Int = 4032) throws {
        self.seed = seed
        self.species = species
        self.maximumSide = maximumSide
        let names = (try? FileManager.default.contentsOfDirectory(atPath: facesFolder)) ?? []
        faces = names.filter { ["jpg", "jpeg", "png"].contains(($0 as NSString).pathExtension.lowercased()) }.sorted().map { facesFolder + "/" + $0 }
        guard !faces.isEmpty else { throw SynthError("no face photos (jpg, png) in \(facesFolder)") }
        fonts = try Fonts.locate()
    }

    /// Sample `index`: the species cycle through `species` in order.
    public func sample(_ index: Int) throws -> (jpeg: [UInt8], label: SynthLabel) {
        var random = SynthRandom(seed: seed, index: index)
        let kind = species[index % species.count]
        let format: DocumentFormat = random.chance(0.7) ? .id1 : .id3
        let renderer = CardRenderer(fonts: fonts, faces: faces)
        let card = try renderer.render(format, random: &random)
        let shot: CameraCapture.Shot
        // The homography from the card's pixels to the photo's.
        let cardToPhoto: [Double]
        var parameters: [String: Double] = [:]
        var display: String?
        switch kind {
        case .bonaFide:
            shot = try CameraCapture.photograph(card.image, random: &random, maximumSide: maximumSide)
            cardToPhoto = shot.homography
        case .portraitSubstitution:
            // Half swapped on paper, half digitally; either way the card is then photographed.
            let (swapped, details) = random.chance(0.5) ? try PortraitSubstitution.physical(card, renderer: renderer, random: &random)
                : try PortraitSubstitution.digital(card, renderer: renderer, random: &random)
            shot = try CameraCapture.photograph(swapped, random: &random, maximumSide: maximumSide)
            cardToPhoto = shot.homography
            parameters = details
        case .screenReplay:
            let shown = try ScreenReplay.show(card.image, documentMillimetres: format.millimetres!.long, random: &random)
            // Half the attackers frame the whole device; the others frame the document on it,
            // as they would a real card, and the display runs past the frame's edges.
            let closeUp = random.chance(0.5)
            shot = try CameraCapture.photograph(shown.emitted, random: &random, maximumSide: maximumSide,
                                                areaFraction: closeUp ? 0.2...0.7 : 0.35...0.9, maximumTilt: 25,
                                                surroundings: random.uniform(0.25, 0.6), subject: closeUp ? shown.document.boundingBox : nil)
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
                                                areaFraction: onSheet ? 0.3...0.8 : 0.15...0.8, carrier: carrier)
            let s = copy.pixelsPerMillimetre / CardRenderer.pixelsPerMillimetre
            cardToPhoto = shot.homography.multiplied(by: [s, 0, 0, 0, s, 0, 0, 0, 1])
            parameters = copy.parameters
            parameters["on_sheet"] = onSheet ? 1 : 0
        }
        let documentQuad = card.image.bounds.corners.map { Geometry.apply(cardToPhoto, to: $0) }
        let portraitQuad = card.portrait.corners.map { Geometry.apply(cardToPhoto, to: $0) }
        parameters.merge(shot.parameters) { $1 }
        let name = String(format: "%06d_%@.jpg", index, kind.rawValue)
        let label = SynthLabel(file: name, class: kind.isAttack ? "attack" : "bona_fide", species: kind.rawValue, format: format.rawValue,
                               doc_quad: documentQuad.map { [rounded($0.x), rounded($0.y)] },
                               portrait_quad: portraitQuad.map { [rounded($0.x), rounded($0.y)] },
                               width: shot.width, height: shot.height, seed: seed, index: index, display: display, parameters: parameters)
        return (shot.jpeg, label)
    }

    private func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
