/// The screen-replay and printed-copy pipelines: the physical cues of `AttackFeatures`, measured
/// on the requested region at the photo's resolution, weighed by that region's trained head.
/// The two differ only in their model: a display and a print leave different traces in the
/// same measurements (see each feature's doc comment and the model card).
public final class CuePipeline: LivenessPipeline {
    public let model: CueModel
    private let heads: [PipelineRegion: LogisticHead]
    private let indices: [PipelineRegion: [Int]]

    public init(model: CueModel) throws {
        self.model = model
        var heads: [PipelineRegion: LogisticHead] = [:]
        var indices: [PipelineRegion: [Int]] = [:]
        for region in PipelineRegion.allCases {
            guard let head = model.head(for: region) else { throw ModelError("\(model.pipeline) \(model.version) has no \(region.rawValue) head") }
            heads[region] = try head.validated(against: AttackFeatures.names)
            indices[region] = head.features.map { AttackFeatures.names.firstIndex(of: $0)! }
        }
        self.heads = heads
        self.indices = indices
    }

    public func rawScore(_ input: PipelineInput) throws -> Double {
        let features = try input.attackFeatures()
        return heads[input.region]!.score(indices[input.region]!.map { features.values[$0] })
    }

    /// The head that scores `region`.
    public func head(for region: PipelineRegion) -> LogisticHead { heads[region]! }

    /// Each feature's contribution to the score of `features` in `region`.
    public func contributions(_ features: AttackFeatures, region: PipelineRegion) -> [(feature: String, contribution: Double)] {
        heads[region]!.contributions(indices[region]!.map { features.values[$0] })
    }
}
