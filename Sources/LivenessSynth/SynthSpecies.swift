/// What `liveness synth` can make. Attacks not listed here are not simulated yet.
public enum SynthSpecies: String, CaseIterable, Sendable {
    case bonaFide = "bona_fide"
    case screenReplay = "screen_replay"
    case printedCopy = "printed_copy"
    case greyCopy = "grey_copy"
    case portraitSubstitution = "portrait_substitution"
    case digitalManipulation = "digital_manipulation"

    public var isAttack: Bool { self != .bonaFide }
}
