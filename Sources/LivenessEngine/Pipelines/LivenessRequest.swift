/// What a client asked the engine to check on one photo.
public struct LivenessRequest: Sendable {
    public struct Pipeline: Sendable, Equatable {
        public var kind: PipelineKind
        public var calibration: CalibrationLevel
        /// The name as the client wrote it (echoed back in the response).
        public var requestedName: String

        public init(kind: PipelineKind, calibration: CalibrationLevel = .regular, requestedName: String? = nil) {
            self.kind = kind
            self.calibration = calibration
            self.requestedName = requestedName ?? kind.canonicalName
        }
    }

    /// The pipelines to run; empty = image validation only.
    public var pipelines: [Pipeline]
    /// Validation statuses the client chose to ignore (only the ignorable ones have an effect).
    public var ignoring: Set<ValidationStatus>
    /// What the pipelines score: the document (default, with its validation) or the whole photo.
    public var region: PipelineRegion

    public init(pipelines: [Pipeline], ignoring: Set<ValidationStatus> = [], region: PipelineRegion = .document) {
        self.pipelines = pipelines
        self.ignoring = ignoring
        self.region = region
    }
}

/// One pipeline's answer: a status, and when it is OK a raw score and its calibrated probability.
public struct PipelineOutcome: Sendable {
    public var pipeline: LivenessRequest.Pipeline
    public var status: ValidationStatus
    public var warnings: [QualityWarning]
    public var score: Double?
    public var probability: Double?
}

/// The engine's answer to a `LivenessRequest`.
public struct LivenessCheckResult: Sendable {
    /// What the document stages found (no pixels).
    public var report: DocumentAnalysisReport
    public var outcomes: [PipelineOutcome]
    /// Milliseconds spent in the pipelines, after the document stages.
    public var pipelineMilliseconds: Double

    /// The minimum probability over the requested pipelines (live only if every check passes);
    /// nil when a pipeline's status is not OK or no pipeline was requested.
    public var aggregateProbability: Double? {
        guard !outcomes.isEmpty, outcomes.allSatisfy({ $0.status == .ok }) else { return nil }
        return outcomes.compactMap(\.probability).min()
    }

    /// The union of the pipelines' warnings, in first-seen order; nil when the aggregate is absent.
    public var aggregateWarnings: [QualityWarning]? {
        guard aggregateProbability != nil else { return nil }
        var seen: [QualityWarning] = []
        for warning in outcomes.flatMap(\.warnings) where !seen.contains(warning) { seen.append(warning) }
        return seen
    }

    /// The format of the main document, or nil when none was found.
    public var documentFormat: DocumentFormat? { report.documents.first?.format }
}
