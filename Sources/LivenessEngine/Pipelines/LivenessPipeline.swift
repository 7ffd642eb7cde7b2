/// One attack detector. A pipeline holds its own OpenCV objects, so it is not thread-safe:
/// each worker makes its own from a `PipelineDescriptor`.
public protocol LivenessPipeline: AnyObject {
    /// The raw score of the main document: unbounded, higher = more live (log-odds-like).
    func rawScore(of document: DocumentAnalysis.Document, in analysis: DocumentAnalysis) throws -> Double
}

/// What the registry knows about a pipeline without running it: its kind, model version,
/// operating points, and how to make a worker's instance.
public struct PipelineDescriptor: Sendable {
    public var kind: PipelineKind
    /// The version of the model and calibration files (reported by `/api_version` and stored per check).
    public var modelVersion: String
    public var operatingPoints: OperatingPoints
    public var makePipeline: @Sendable () throws -> any LivenessPipeline

    public init(kind: PipelineKind, modelVersion: String, operatingPoints: OperatingPoints,
                makePipeline: @escaping @Sendable () throws -> any LivenessPipeline) {
        self.kind = kind
        self.modelVersion = modelVersion
        self.operatingPoints = operatingPoints
        self.makePipeline = makePipeline
    }
}
