/// One worker's engine: the document stages and an instance of every available pipeline.
/// Holds OpenCV objects, so it is not thread-safe: one per worker thread.
public final class LivenessChecker {
    public let analyzer: DocumentAnalyzer
    public let registry: PipelineRegistry
    private let pipelines: [PipelineKind: any LivenessPipeline]

    public init(analyzer: DocumentAnalyzer, registry: PipelineRegistry) throws {
        self.analyzer = analyzer
        self.registry = registry
        var pipelines: [PipelineKind: any LivenessPipeline] = [:]
        for descriptor in registry.descriptors { pipelines[descriptor.kind] = try descriptor.makePipeline() }
        self.pipelines = pipelines
    }

    /// Decodes, analyses and scores one photo. Throws `ImageInputError` for images it cannot read.
    /// A requested pipeline must be in the registry (the caller checks names first).
    public func check(_ bytes: [UInt8], request: LivenessRequest) throws -> LivenessCheckResult {
        let analysis = try analyzer.analyse(bytes)
        let input = PipelineInput(analysis: analysis, region: request.region)
        var elapsed = 0.0
        let outcomes = try measure(&elapsed) {
            try request.pipelines.map { try outcome(of: $0, on: input, ignoring: request.ignoring) }
        }
        return LivenessCheckResult(report: analysis.report(faceDetector: analyzer.faceDetector.backend),
                                   outcomes: outcomes, pipelineMilliseconds: elapsed)
    }

    /// This worker's instance of a pipeline (nil when not available).
    public func pipeline(_ kind: PipelineKind) -> (any LivenessPipeline)? { pipelines[kind] }

    /// One pipeline's outcome on an analysed photo. The whole-frame region scores any picture,
    /// so only the document region has document statuses.
    public func outcome(of requested: LivenessRequest.Pipeline, on input: PipelineInput,
                         ignoring ignored: Set<ValidationStatus>) throws -> PipelineOutcome {
        let analysis = input.analysis
        if input.region == .document {
            let status = analysis.blockingStatus(ignoring: ignored, requiresPortrait: requested.kind.needsPortrait)
            guard status == .ok, input.document != nil else {
                return PipelineOutcome(pipeline: requested, status: status == .ok ? .documentNotFound : status, warnings: [])
            }
        }
        guard let pipeline = pipelines[requested.kind], let descriptor = registry.descriptor(for: requested.kind) else {
            preconditionFailure("pipeline \(requested.kind) requested but not available; the caller checks names first")
        }
        let score = try pipeline.rawScore(input)
        let points = descriptor.operatingPoints(for: input.region)
        return PipelineOutcome(pipeline: requested, status: .ok, warnings: input.region == .document ? analysis.warnings : [],
                               score: score, probability: points.probability(score: score, level: requested.calibration))
    }
}
