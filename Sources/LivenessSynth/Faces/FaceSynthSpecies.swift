/// What `liveness synth-face` can make.
public enum FaceSynthSpecies: String, CaseIterable, Sendable {
    case bonaFide = "bona_fide"
    case printedPhoto = "printed_photo"
    case screenReplay = "screen_replay"

    public var isAttack: Bool { self != .bonaFide }
    /// The name in labels: the real face sets' vocabulary (`none` for bona fide).
    public var labelName: String { self == .bonaFide ? "none" : rawValue }
}
