/// The screen-replay and printed-copy pipelines: the physical cues of `AttackFeatures`, measured
/// on the requested region at the photo's resolution, weighed by that region's trained heads (one
/// per attack species; the score is the lowest). The two pipelines differ only in their model: a
/// display and a print leave different traces in the same measurements (see each feature's doc
/// comment and the model card).
public final class CuePipeline: LivenessPipeline {
    public let model: CueModel
    private let heads: [PipelineRegion: [(head: LogisticHead, indices: [Int])]]

    public init(model: CueModel) throws {
        self.model = model
        var heads: [PipelineRegion: [(head: LogisticHead, indices: [Int])]] = [:]
        for region in PipelineRegion.allCases {
            let list = model.heads(for: region)
            guard !list.isEmpty else { throw ModelError("\(model.pipeline) \(model.version) has no \(region.rawValue) head") }
            heads[region] = try list.map { head in
                let checked = try head.validated(against: AttackFeatures.names)
                return (checked, checked.features.map { AttackFeatures.names.firstIndex(of: $0)! })
            }
        }
        self.heads = heads
    }

    public func rawScore(_ input: PipelineInput) throws -> Double {
        let features = try input.attackFeatures()
        return deciding(features, region: input.region).score
    }

    /// The head with the lowest score on `features` (the one that decides) and that score.
    public func deciding(_ features: AttackFeatures, region: PipelineRegion) -> (head: LogisticHead, score: Double) {
        heads[region]!.map { entry in (entry.head, entry.head.score(entry.indices.map { features.values[$0] })) }
            .min { $0.1 < $1.1 }!
    }

    /// Each feature's contribution to the deciding head's score.
    public func contributions(_ features: AttackFeatures, region: PipelineRegion) -> [(feature: String, contribution: Double)] {
        let head = deciding(features, region: region).head
        return head.contributions(head.features.map { features[$0]! })
    }
}
