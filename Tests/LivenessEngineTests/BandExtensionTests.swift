import LivenessTestSupport
import Testing
@testable import LivenessEngine

/// The locator's band extension, handed the quad of a card without its right fifth: it carries
/// the quad out to the card's border when that fifth is printed (a dark stripe, or the card's own
/// pattern and text), and not when it is a blank paper margin.
@Suite(.enabled(if: SharedData.available, "needs ../shared (the test card's portrait)"))
struct BandExtensionTests {
    /// The card (no header) with its right 176 of 856 px painted `stripe`, on a plain desk,
    /// rotated without perspective so that the stripe's inner line is where the quad puts it;
    /// returned at the locator's working size with the whole card's and the stripe-less quads.
    private func scene(stripe: (Double, Double, Double)?) throws -> (evidence: LocatorEvidence, card: Quad, inner: Quad) {
        var card = try SceneBuilder.card(withHeader: false)
        if let stripe { card.fillRect(x: 680, y: 0, width: 176, height: 540, stripe) }
        let truth = SceneBuilder.cardQuad(cx: 640, cy: 400, width: 560, degrees: -12)
        let photo = try SceneBuilder.place(card, on: SceneBuilder.background(.plain(110), width: 1280, height: 800), at: truth).mat()
        let evidence = try LocatorEvidence(photo: photo, workingSize: DocumentLocator.Configuration().workingSize)
        let c = truth.corners, cut = 680.0 / 856
        let inner = Quad([c[0], c[0] + (c[1] - c[0]) * cut, c[3] + (c[2] - c[3]) * cut, c[3]])
        return (evidence, truth.scaled(by: evidence.scale), inner.scaled(by: evidence.scale))
    }

    @Test("a dark printed stripe is part of the card")
    func extendsOverInk() throws {
        let scene = try scene(stripe: (140, 60, 30))
        let extended = try #require(BandExtension().extend(scene.inner, in: scene.evidence))
        #expect(extended.intersectionOverUnion(scene.card) >= 0.95)
    }

    @Test("the card's own print beyond the quad is part of the card")
    func extendsOverPrint() throws {
        let scene = try scene(stripe: nil)
        let extended = try #require(BandExtension().extend(scene.inner, in: scene.evidence))
        #expect(extended.intersectionOverUnion(scene.card) >= 0.95)
    }

    @Test("a blank white margin beyond the printed border is not")
    func stopsAtPaperMargin() throws {
        let scene = try scene(stripe: (235, 235, 235))
        #expect(BandExtension().extend(scene.inner, in: scene.evidence) == nil)
    }
}
