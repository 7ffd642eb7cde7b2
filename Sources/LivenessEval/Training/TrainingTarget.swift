import LivenessEngine

/// Which labelled attack species each cue pipeline is trained and judged on: the attacks it
/// exists to catch. Other species are left out of its training (a screen-replay head should
/// not learn to call a print live or not).
public enum TrainingTarget {
    public static func attackSpecies(for kind: PipelineKind) -> Set<String> {
        switch kind {
        case .screenReplay: ["screen_replay"]
        case .printedCopy: ["printed_copy", "grey_copy"]
        case .portraitSubstitution: ["portrait_substitution"]
        case .digitalManipulation: ["digital_manipulation"]
        }
    }

    /// The rows a `kind` head learns from in `region`: measured bona fide rows and its own attacks.
    public static func rows(_ rows: [FeatureRow], for kind: PipelineKind, region: PipelineRegion) -> [FeatureRow] {
        let species = attackSpecies(for: kind)
        return rows.filter { $0.region == region && $0.values != nil && (!$0.isAttack || species.contains($0.species)) }
    }
}
