import Testing
@testable import LivenessEngine
import LivenessTestSupport

/// Synthetic photos with known geometry: each validation status where it should be, and not elsewhere.
@Suite(.enabled(if: SharedData.available, "needs ../shared (face source and YuNet model)"))
struct DocumentSceneTests {
    let analyzer: DocumentAnalyzer

    init() throws {
        analyzer = try DocumentAnalyzer(configuration: .init(modelDirectory: SharedData.models))
    }

    private func analyse(_ scene: Raster, quality: Int = 90) throws -> DocumentAnalysis {
        try analyzer.analyse(SceneBuilder.jpeg(scene, quality: quality))
    }

    @Test("a tilted card is located with IoU >= 0.95 on textured backgrounds", arguments: [
        SceneBuilder.Background.wood, .fabric, .plain(90),
    ])
    func locatesCardOnTexture(background: SceneBuilder.Background) throws {
        let truth = SceneBuilder.cardQuad(cx: 640, cy: 400, width: 600, degrees: 8, squeeze: 0.12)
        let scene = try SceneBuilder.place(SceneBuilder.card(), on: SceneBuilder.background(background, width: 1280, height: 800), at: truth)
        let analysis = try analyse(scene)
        let document = try #require(analysis.documents.first)
        #expect(document.location.quad.intersectionOverUnion(truth) >= 0.95)
        #expect(analysis.statuses.isEmpty, "statuses: \(analysis.statuses)")
    }

    /// A dark band printed up to the card's edge: along the top (a header, a quarter of the short
    /// sides) or down one short side (a side stripe, a fifth of the long sides).
    static let bands = [(x: 0, y: 0, width: 856, height: 105), (x: 680, y: 0, width: 176, height: 540)]

    @Test("a card's dark band is part of the card on a desk of a tone between band and card", arguments: [100.0, 120.0], [0, 1])
    func includesDarkBand(desk: Double, band: Int) throws {
        // The band (luma ~60) is darker than the desk and the card stock (~170) brighter: the
        // sides crossing the band change polarity where it begins, and the band's inner line is
        // the better edge.
        var card = try SceneBuilder.card(withHeader: false)
        let rect = Self.bands[band]
        card.fillRect(x: rect.x, y: rect.y, width: rect.width, height: rect.height, (140, 60, 30))
        // A physical perspective (the locator reads a quad as a tilted rectangle): 25 degrees of
        // tilt, 12 of roll, a phone's focal length for the 1280 px frame.
        let truth = SceneBuilder.projectedCardQuad(cx: 640, cy: 400, width: 560, tilt: 25, roll: -12, focal: 1100, principal: Point(x: 640, y: 400))
        let scene = try SceneBuilder.place(card, on: SceneBuilder.background(.plain(desk), width: 1280, height: 800), at: truth)
        let document = try #require(try analyse(scene).documents.first)
        #expect(document.location.quad.intersectionOverUnion(truth) >= 0.95)
    }

    @Test("the locator explains how it scores a quad: the card's own is a whole document, a patch of desk is rejected")
    func explainsAQuad() throws {
        let truth = SceneBuilder.cardQuad(cx: 640, cy: 400, width: 600, degrees: 8, squeeze: 0.12)
        let photo = try SceneBuilder.place(SceneBuilder.card(), on: SceneBuilder.background(.wood, width: 1280, height: 800), at: truth).mat()
        let locator = DocumentLocator()
        let card = try locator.quadSummary(truth, in: photo)
        #expect(card.count == 2)
        #expect(card.allSatisfy { $0.contains("whole") && $0.contains("score") }, "\(card)")
        let desk = try locator.quadSummary(Quad([Point(x: 20, y: 20), Point(x: 180, y: 20), Point(x: 180, y: 120), Point(x: 20, y: 120)]), in: photo)
        #expect(desk.allSatisfy { $0.contains("rejected") }, "\(desk)")
    }

    @Test("a light card on printed newspaper is located")
    func locatesCardOnNewspaper() throws {
        let truth = SceneBuilder.cardQuad(cx: 640, cy: 400, width: 600, degrees: 8, squeeze: 0.12)
        let scene = try SceneBuilder.place(SceneBuilder.card(), on: SceneBuilder.background(.newspaper, width: 1280, height: 800), at: truth)
        let document = try #require(try analyse(scene).documents.first)
        // Known issue (#2 open): where text runs up to a low-contrast border, the border is not a
        // lone ridge and the card's quad is not generated; the locator settles on a larger one.
        withKnownIssue("light card on newspaper", isIntermittent: true) {
            #expect(document.location.quad.intersectionOverUnion(truth) >= 0.95)
        }
        #expect(document.location.quad.intersectionOverUnion(truth) >= 0.3)
    }

    @Test("an upside-down card is turned upright by its portrait")
    func ordersCornersFromTheDocumentsTopLeft() throws {
        let truth = SceneBuilder.cardQuad(cx: 640, cy: 400, width: 620, degrees: 180)
        let scene = try SceneBuilder.place(SceneBuilder.card(), on: SceneBuilder.background(.wood, width: 1280, height: 800), at: truth)
        let document = try #require(try analyse(scene).documents.first)
        // The card's own top-left corner is drawn at the bottom right of the photo.
        #expect(document.location.quad.topLeft.distance(to: truth.topLeft) < 15)
    }

    @Test("a grey copy on a white A4 sheet: the card, not the sheet, and colourless under pink light")
    func findsCardOnPaperSheet() throws {
        var sheet = SceneBuilder.background(.plain(238), width: 700, height: 990)
        sheet.tint(b: 1, g: 1, r: 1)
        let sheetQuad = Quad([Point(x: 290, y: 40), Point(x: 990, y: 55), Point(x: 980, y: 1040), Point(x: 280, y: 1030)])
        var scene = try SceneBuilder.place(sheet, on: SceneBuilder.background(.wood, width: 1280, height: 1100), at: sheetQuad)
        let truth = SceneBuilder.cardQuad(cx: 635, cy: 330, width: 480, degrees: 1)
        scene = try SceneBuilder.place(SceneBuilder.card().greyscale(), on: scene, at: truth)
        scene.tint(b: 0.85, g: 0.8, r: 1.0)
        let analysis = try analyse(scene)
        let document = try #require(analysis.documents.first)
        #expect(document.location.quad.intersectionOverUnion(truth) >= 0.95)
        #expect(analysis.statuses.contains(.documentIsColorless))
    }

    @Test("a colour card under tinted, dim light is not colourless")
    func colourCardUnderTintIsNotColourless() throws {
        let truth = SceneBuilder.cardQuad(cx: 640, cy: 400, width: 640, degrees: -5)
        var scene = try SceneBuilder.place(SceneBuilder.card(), on: SceneBuilder.background(.fabric, width: 1280, height: 800), at: truth)
        scene.tint(b: 0.45, g: 0.5, r: 0.7)
        let analysis = try analyse(scene)
        #expect(!analysis.documents.isEmpty)
        #expect(!analysis.statuses.contains(.documentIsColorless))
    }

    @Test("two cards: TOO_MANY_DOCUMENTS")
    func twoCards() throws {
        var scene = SceneBuilder.background(.wood, width: 1600, height: 900)
        scene = try SceneBuilder.place(SceneBuilder.card(), on: scene, at: SceneBuilder.cardQuad(cx: 420, cy: 450, width: 600, degrees: 4))
        scene = try SceneBuilder.place(SceneBuilder.card(hue: 2), on: scene, at: SceneBuilder.cardQuad(cx: 1180, cy: 450, width: 600, degrees: -6))
        #expect(try analyse(scene).statuses.contains(.tooManyDocuments))
    }

    @Test("a card running off the frame: DOCUMENT_CROPPED")
    func croppedCard() throws {
        let truth = SceneBuilder.cardQuad(cx: 1050, cy: 400, width: 700, degrees: 3)
        let scene = try SceneBuilder.place(SceneBuilder.card(), on: SceneBuilder.background(.wood, width: 1280, height: 800), at: truth)
        let analysis = try analyse(scene)
        #expect(analysis.statuses.contains(.documentCropped), "statuses: \(analysis.statuses)")
        #expect(!analysis.statuses.contains(.documentNotFound))
    }

    @Test("a card filling the frame: DOCUMENT_TOO_CLOSE_TO_CAMERA")
    func cardFillsFrame() throws {
        let truth = Quad([Point(x: 12, y: 10), Point(x: 1268, y: 14), Point(x: 1266, y: 790), Point(x: 14, y: 786)])
        let scene = try SceneBuilder.place(SceneBuilder.card(), on: SceneBuilder.background(.wood, width: 1280, height: 800), at: truth)
        let analysis = try analyse(scene)
        #expect(analysis.statuses.contains(.documentTooCloseToCamera), "statuses: \(analysis.statuses)")
    }

    @Test("a card touching the frame edge without crossing it: DOCUMENT_TOO_CLOSE_TO_BORDER")
    func cardTooCloseToBorder() throws {
        let truth = Quad([Point(x: 5, y: 200), Point(x: 705, y: 200), Point(x: 705, y: 641), Point(x: 5, y: 641)])
        let scene = try SceneBuilder.place(SceneBuilder.card(), on: SceneBuilder.background(.plain(70), width: 1280, height: 800), at: truth)
        let analysis = try analyse(scene)
        #expect(analysis.statuses.contains(.documentTooCloseToBorder) || analysis.statuses.contains(.documentCropped),
                "statuses: \(analysis.statuses)")
    }

    @Test("a small card: DOCUMENT_TOO_SMALL and the relative-size warning")
    func smallCard() throws {
        let truth = SceneBuilder.cardQuad(cx: 640, cy: 400, width: 330)
        let scene = try SceneBuilder.place(SceneBuilder.card(), on: SceneBuilder.background(.plain(60), width: 1280, height: 800), at: truth)
        let analysis = try analyse(scene)
        #expect(analysis.statuses.contains(.documentTooSmall), "statuses: \(analysis.statuses)")
        #expect(analysis.warnings.contains(.relativeDocumentSizeLowerThan10Percent))
    }

    @Test("a card without a portrait: DOCUMENT_PHOTO_NOT_FOUND")
    func cardWithoutPortrait() throws {
        let truth = SceneBuilder.cardQuad(cx: 640, cy: 400, width: 640, degrees: 2)
        let scene = try SceneBuilder.place(SceneBuilder.card(withPortrait: false), on: SceneBuilder.background(.wood, width: 1280, height: 800), at: truth)
        let analysis = try analyse(scene)
        #expect(analysis.statuses.contains(.documentPhotoNotFound), "statuses: \(analysis.statuses)")
    }

    @Test("no card at all: DOCUMENT_NOT_FOUND", arguments: [SceneBuilder.Background.wood, .fabric, .newspaper])
    func noCard(background: SceneBuilder.Background) throws {
        let analysis = try analyse(SceneBuilder.background(background, width: 1280, height: 800))
        #expect(analysis.statuses == [.documentNotFound])
    }

    @Test("a low-quality JPEG warns IMAGE_IS_TOO_COMPRESSED; a good one does not")
    func compressionWarning() throws {
        let truth = SceneBuilder.cardQuad(cx: 640, cy: 400, width: 600, degrees: 4)
        let scene = try SceneBuilder.place(SceneBuilder.card(), on: SceneBuilder.background(.wood, width: 1280, height: 800), at: truth)
        #expect(try analyse(scene, quality: 40).warnings.contains(.imageIsTooCompressed))
        #expect(!(try analyse(scene, quality: 92).warnings.contains(.imageIsTooCompressed)))
    }

    @Test("a defocused photo warns IMAGE_TOO_BLURRY; the sharp one does not")
    func blurWarning() throws {
        let truth = SceneBuilder.cardQuad(cx: 640, cy: 400, width: 640, degrees: 3)
        let scene = try SceneBuilder.place(SceneBuilder.card(), on: SceneBuilder.background(.wood, width: 1280, height: 800), at: truth)
        let defocused = Raster(try scene.mat().gaussianBlurred(kernel: 0, sigma: 4))
        let blurred = try analyse(defocused)
        #expect(try #require(blurred.documents.first).location.quad.intersectionOverUnion(truth) >= 0.9)
        #expect(blurred.warnings.contains(.imageTooBlurry), "warnings: \(blurred.warnings)")
        #expect(!(try analyse(scene).warnings.contains(.imageTooBlurry)))
    }

    @Test("an underexposed photo warns POOR_IMAGE_EXPOSURE; a normal one does not")
    func exposureWarning() throws {
        let truth = SceneBuilder.cardQuad(cx: 640, cy: 400, width: 640, degrees: -3)
        let scene = try SceneBuilder.place(SceneBuilder.card(), on: SceneBuilder.background(.plain(200), width: 1280, height: 800), at: truth)
        var dark = scene
        dark.tint(b: 0.2, g: 0.2, r: 0.2)
        let analysis = try analyse(dark)
        #expect(!analysis.documents.isEmpty)
        #expect(analysis.warnings.contains(.poorImageExposure), "warnings: \(analysis.warnings)")
        #expect(!(try analyse(scene).warnings.contains(.poorImageExposure)))
    }

    @Test("a specular highlight on the card warns GLARE_ON_IMAGE; the card without one does not")
    func glareWarning() throws {
        let truth = SceneBuilder.cardQuad(cx: 640, cy: 400, width: 640, degrees: 2)
        var card = try SceneBuilder.card()
        let plain = try SceneBuilder.place(card, on: SceneBuilder.background(.wood, width: 1280, height: 800), at: truth)
        // A saturated patch of laminate reflection, 4 % of the card.
        card.fillRect(x: 430, y: 300, width: 200, height: 90, (255, 255, 255))
        let glaring = try SceneBuilder.place(card, on: SceneBuilder.background(.wood, width: 1280, height: 800), at: truth)
        #expect(try analyse(glaring).warnings.contains(.glareOnImage))
        #expect(!(try analyse(plain).warnings.contains(.glareOnImage)))
    }

    @Test("a card in a dim room (an eighth of the light) is still located")
    func locatesCardInDimLight() throws {
        let truth = SceneBuilder.cardQuad(cx: 640, cy: 400, width: 640, degrees: 6)
        var scene = try SceneBuilder.place(SceneBuilder.card(), on: SceneBuilder.background(.wood, width: 1280, height: 800), at: truth)
        scene.tint(b: 0.12, g: 0.12, r: 0.12)
        let document = try #require(try analyse(scene).documents.first)
        #expect(document.location.quad.intersectionOverUnion(truth) >= 0.9)
    }

    @Test("a round-cornered card under strong perspective, compressed to JPEG quality 35", arguments: [
        SceneBuilder.Background.wood, .fabric,
    ])
    func locatesRoundCorneredCardUnderPerspective(background: SceneBuilder.Background) throws {
        // A far side 30 % shorter than the near one: about 35 degrees of tilt at arm's length.
        let truth = SceneBuilder.cardQuad(cx: 640, cy: 420, width: 620, degrees: -12, squeeze: 0.3)
        let scene = try SceneBuilder.place(SceneBuilder.card(), on: SceneBuilder.background(background, width: 1280, height: 800),
                                           at: truth, cornerRadius: 32)
        let document = try #require(try analyse(scene, quality: 35).documents.first)
        #expect(document.location.quad.intersectionOverUnion(truth) >= 0.95)
    }

    @Test("a low-contrast grey copy on light paper")
    func locatesLowContrastCopy() throws {
        let truth = SceneBuilder.cardQuad(cx: 620, cy: 400, width: 600, degrees: 7, squeeze: 0.08)
        var copy = try SceneBuilder.card().greyscale()
        // Toner on paper: the copy's lightest areas are the paper itself (~215), its darkest ~90.
        for i in 0..<copy.pixels.count { copy.pixels[i] = UInt8(90 + Double(copy.pixels[i]) * 125 / 255) }
        let scene = try SceneBuilder.place(copy, on: SceneBuilder.background(.plain(225), width: 1280, height: 800), at: truth)
        let document = try #require(try analyse(scene).documents.first)
        #expect(document.location.quad.intersectionOverUnion(truth) >= 0.95)
    }

    @Test("a card tilted 35 degrees away from a phone camera", arguments: [(0.0, SceneBuilder.Background.wood), (20, .fabric), (-15, .plain(70))])
    func locatesCardTiltedThirtyFiveDegrees(roll: Double, background: SceneBuilder.Background) throws {
        // Focal length about the frame diagonal, as on a phone's main camera.
        let truth = SceneBuilder.projectedCardQuad(cx: 640, cy: 420, width: 600, tilt: 35, roll: roll,
                                                   focal: 1500, principal: Point(x: 640, y: 400))
        let scene = try SceneBuilder.place(SceneBuilder.card(), on: SceneBuilder.background(background, width: 1280, height: 800),
                                           at: truth, cornerRadius: 32)
        let document = try #require(try analyse(scene, quality: 75).documents.first)
        #expect(document.location.quad.intersectionOverUnion(truth) >= 0.95)
    }
}
