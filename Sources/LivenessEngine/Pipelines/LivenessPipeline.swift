/// One attack detector. A pipeline holds its own OpenCV objects, so it is not thread-safe:
/// each worker makes its own from a `PipelineDescriptor`.
public protocol LivenessPipeline: AnyObject {
    /// The raw score of the input's region: unbounded, higher = more live (log-odds-like).
    func rawScore(_ input: PipelineInput) throws -> Double
}

/// What a pipeline scores: one photo's analysis and the region asked for, with the features that
/// several pipelines share measured once per check.
public final class PipelineInput {
    public let analysis: DocumentAnalysis
    public let region: PipelineRegion
    private var measuredFeatures: AttackFeatures?

    public init(analysis: DocumentAnalysis, region: PipelineRegion) {
        self.analysis = analysis
        self.region = region
    }

    /// The main document (nil for a frame without one).
    public var document: DocumentAnalysis.Document? { analysis.documents.first }

    /// The screen and print cues of the region, measured on first use.
    public func attackFeatures() throws -> AttackFeatures {
        if let measuredFeatures { return measuredFeatures }
        guard let pixels = try region.pixels(of: analysis) else { throw PipelineInputError.noDocument }
        // The document region reuses the document's chroma residual from validation (0 when too
        // little was lit to read colour, as `AttackFeatures` itself answers).
        let known = region == .document ? document?.measurements.chromaResidual ?? 0 : nil
        let features = try AttackFeatures.measure(pixels, chromaResidual: known)
        measuredFeatures = features
        return features
    }
}

public enum PipelineInputError: Error, Sendable {
    /// The document region was asked for but no document was found (the checker reports the status first).
    case noDocument
}

/// What the registry knows about a pipeline without running it: its kind, model version,
/// operating points per region, and how to make a worker's instance.
public struct PipelineDescriptor: Sendable {
    public var kind: PipelineKind
    /// The version of the model and calibration files (reported by `/api_version` and stored per check).
    public var modelVersion: String
    /// The operating points of the document region (the default).
    public var operatingPoints: OperatingPoints
    /// The operating points of the whole-frame region, when calibrated separately.
    public var frameOperatingPoints: OperatingPoints?
    public var makePipeline: @Sendable () throws -> any LivenessPipeline

    public init(kind: PipelineKind, modelVersion: String, operatingPoints: OperatingPoints, frameOperatingPoints: OperatingPoints? = nil,
                makePipeline: @escaping @Sendable () throws -> any LivenessPipeline) {
        self.kind = kind
        self.modelVersion = modelVersion
        self.operatingPoints = operatingPoints
        self.frameOperatingPoints = frameOperatingPoints
        self.makePipeline = makePipeline
    }

    public func operatingPoints(for region: PipelineRegion) -> OperatingPoints {
        region == .frame ? frameOperatingPoints ?? operatingPoints : operatingPoints
    }
}
