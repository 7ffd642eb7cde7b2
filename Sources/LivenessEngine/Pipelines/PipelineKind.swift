/// The document attacks the engine has a pipeline for, with every name a client may use for one.
public enum PipelineKind: String, Sendable, Codable, CaseIterable {
    case screenReplay = "screen-replay"
    case printedCopy = "printed-copy"
    case portraitSubstitution = "portrait-substitution"
    case digitalManipulation = "digital-manipulation"

    /// The canonical name (what responses and the transaction store use internally).
    public var canonicalName: String { rawValue }

    /// `default-sr|pc|ps|sd`, as IDLive Doc clients write them.
    public var defaultAlias: String { "default-" + shortCode }

    /// ID R&D's own pipeline names, accepted so existing IDLive Doc clients work unchanged.
    public var vendorAliases: [String] {
        switch self {
        case .screenReplay: ["vulture-sr"]
        case .printedCopy: ["woodpecker-pc", "robin-pc"]
        case .portraitSubstitution: ["xenops-ps"]
        case .digitalManipulation: ["hawk-sd"]
        }
    }

    /// Every alias (not the canonical name).
    public var aliases: [String] { [defaultAlias] + vendorAliases }

    /// Every name the pipeline answers to: the canonical one first, then the aliases.
    public var names: [String] { [canonicalName] + aliases }

    public var shortCode: String {
        switch self {
        case .screenReplay: "sr"
        case .printedCopy: "pc"
        case .portraitSubstitution: "ps"
        case .digitalManipulation: "sd"
        }
    }

    /// The vendor's attack type (`/license_info`).
    public var attackType: String {
        switch self {
        case .screenReplay: "SCREEN_REPLAY"
        case .printedCopy: "PRINTED_COPY"
        case .portraitSubstitution: "PORTRAIT_SUBSTITUTION"
        case .digitalManipulation: "DIGITAL_MANIPULATIONS"
        }
    }

    /// Only the portrait-substitution pipeline looks at the portrait, so only it reports
    /// DOCUMENT_PHOTO_NOT_FOUND (the vendor's example answers OK for sr and pc on the same photo).
    public var needsPortrait: Bool { self == .portraitSubstitution }

    /// The pipeline a name denotes: canonical, `default-*` or a vendor name (case-sensitive, as the vendor's).
    public init?(name: String) {
        guard let kind = Self.allCases.first(where: { $0.names.contains(name) }) else { return nil }
        self = kind
    }
}
