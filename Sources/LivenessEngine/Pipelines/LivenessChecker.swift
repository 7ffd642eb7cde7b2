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
        var elapsed = 0.0
        let outcomes = try measure(&elapsed) {
            try request.pipelines.map { try outcome(of: $0, on: analysis, ignoring: request.ignoring) }
        }
        return LivenessCheckResult(report: analysis.report(faceDetector: analyzer.faceDetector.backend),
                                   outcomes: outcomes, pipelineMilliseconds: elapsed)
    }

    private func outcome(of requested: LivenessRequest.Pipeline, on analysis: DocumentAnalysis,
                         ignoring ignored: Set<ValidationStatus>) throws -> PipelineOutcome {
        let status = analysis.blockingStatus(ignoring: ignored, requiresPortrait: requested.kind.needsPortrait)
        guard status == .ok, let document = analysis.documents.first else {
            return PipelineOutcome(pipeline: requested, status: status == .ok ? .documentNotFound : status, warnings: [])
        }
        guard let pipeline = pipelines[requested.kind], let descriptor = registry.descriptor(for: requested.kind) else {
            preconditionFailure("pipeline \(requested.kind) requested but not available; the caller checks names first")
        }
        let score = try pipeline.rawScore(of: document, in: analysis)
        return PipelineOutcome(pipeline: requested, status: .ok, warnings: analysis.warnings, score: score,
                               probability: descriptor.operatingPoints.probability(score: score, level: requested.calibration))
    }
}
