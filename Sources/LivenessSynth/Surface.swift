import COpenCVShim
import LivenessEngine

/// Procedural surfaces documents lie on (and the card stock itself), and plain colour.
enum Surface: Int32 {
    case wood = 0, fabric = 1, paper = 2, newspaper = 3, plain = 4

    /// The surfaces a photographed document may lie on.
    static let photographed: [Surface] = [.wood, .fabric, .paper, .newspaper]

    /// - Parameter pixelsPerMillimetre: the surface's scale where the document lies (the
    ///   newspaper's type is drawn at its physical size; the other surfaces ignore it).
    static func make(_ kind: Surface, width: Int, height: Int, colour: SynthCanvas.Colour, seed: UInt64,
                     pixelsPerMillimetre: Double = 0) throws -> Mat {
        try Mat.make { lv_synth_background(kind.rawValue, Int32(width), Int32(height), [colour.b, colour.g, colour.r], seed, pixelsPerMillimetre, $0, $1) }
    }

    /// A plausible base colour for the surface.
    func colour(_ random: inout SynthRandom) -> SynthCanvas.Colour {
        switch self {
        case .wood: (b: random.uniform(40, 90), g: random.uniform(80, 130), r: random.uniform(120, 190))
        case .fabric: (b: random.uniform(40, 200), g: random.uniform(40, 200), r: random.uniform(40, 200))
        case .paper: { let l = random.uniform(150, 240); return (b: l * random.uniform(0.9, 1), g: l, r: l * random.uniform(0.95, 1.05)) }()
        case .newspaper: (b: random.uniform(190, 215), g: random.uniform(200, 220), r: random.uniform(205, 225))
        case .plain: { let l = random.uniform(0, 255); return (b: l, g: l, r: l) }()
        }
    }
}
