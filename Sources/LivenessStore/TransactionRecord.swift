import Foundation

/// One liveness check as the store keeps it: what was asked, what was answered, how long it took,
/// and the SHA-256 of the image, never the image itself.
public struct TransactionRecord: Sendable, Codable, Equatable {
    /// One requested pipeline's answer.
    public struct PipelineResult: Sendable, Codable, Equatable {
        /// Canonical pipeline name (`screen-replay`, ...), whatever alias the client used.
        public var pipeline: String
        public var calibration: String
        public var status: String
        public var probability: Double?
        public var score: Double?
        public var warnings: [String]

        public init(pipeline: String, calibration: String, status: String, probability: Double?, score: Double?, warnings: [String]) {
            self.pipeline = pipeline
            self.calibration = calibration
            self.status = status
            self.probability = probability
            self.score = score
            self.warnings = warnings
        }
    }

    public var id: String
    public var createdAt: Date
    /// The endpoint that received the check (`/check_liveness`, `/check_liveness_file`, ...).
    public var endpoint: String
    public var results: [PipelineResult]
    /// The photo's first validation status before any `errors_to_ignore` (`OK` when none).
    public var validationStatus: String
    public var warnings: [String]
    /// `ID1`, `ID2`, `ID3` or `UNKNOWN` (also when no document was found).
    public var documentFormat: String
    public var latencyMilliseconds: Double
    public var imageSHA256: String
    public var engineVersion: String
    /// Model name -> version of every model that took part (face detector, pipelines).
    public var modelVersions: [String: String]
    /// The workspace of the API key that made the check; nil when none was required or given.
    public var workspace: String?

    public init(id: String, createdAt: Date, endpoint: String, results: [PipelineResult], validationStatus: String,
                warnings: [String], documentFormat: String, latencyMilliseconds: Double, imageSHA256: String,
                engineVersion: String, modelVersions: [String: String], workspace: String? = nil) {
        self.id = id
        self.createdAt = createdAt
        self.endpoint = endpoint
        self.results = results
        self.validationStatus = validationStatus
        self.warnings = warnings
        self.documentFormat = documentFormat
        self.latencyMilliseconds = latencyMilliseconds
        self.imageSHA256 = imageSHA256
        self.engineVersion = engineVersion
        self.modelVersions = modelVersions
        self.workspace = workspace
    }
}
