/// What a face-liveness request asks for.
public struct FaceLivenessRequest: Sendable {
    /// The signals to fuse; nil = the best installed (`all` with the MiniFASNet pack, else `physical`).
    public var signals: FaceSignals?
    public var calibration: CalibrationLevel
    /// Statuses to score through anyway (evaluation on sets of small webcam faces); FACE_NOT_FOUND
    /// cannot be ignored.
    public var ignoring: Set<FaceStatus>

    public init(signals: FaceSignals? = nil, calibration: CalibrationLevel = .regular, ignoring: Set<FaceStatus> = []) {
        self.signals = signals
        self.calibration = calibration
        self.ignoring = ignoring
    }
}

/// One selfie's answer: the face, its quality, and (when the quality allows) the fused score.
public struct FaceLivenessResult: Sendable, Codable {
    public struct Timings: Sendable, Codable {
        public var decode = 0.0
        public var detect = 0.0
        public var quality = 0.0
        public var signals = 0.0
        public var total = 0.0

        public init() {}
    }

    public var imageWidth: Int
    public var imageHeight: Int
    public var quality: FaceQuality
    /// The first quality status not ignored, or OK: only OK faces are scored.
    public var status: FaceStatus
    /// The fused signal set, the head's raw score (log-odds-like, higher = more live) and the
    /// probability at `calibration`; nil when not scored.
    public var signals: FaceSignals?
    public var score: Double?
    public var probability: Double?
    public var calibration: CalibrationLevel
    public var modelVersion: String?
    /// Each MiniFASNet network's real probability, when the pack ran.
    public var networkProbabilities: [Double]?
    /// Every measured feature by name.
    public var features: [String: Double]?
    /// The physical cues with their spectral tiles (for heatmaps); not part of the JSON.
    public var cues: FaceCueFeatures?
    /// Milliseconds per stage.
    public var timings: Timings

    public var isLive: Bool? { probability.map { $0 > 0.5 } }

    private enum CodingKeys: String, CodingKey {
        case imageWidth, imageHeight, quality, status, signals, score, probability, calibration, modelVersion, networkProbabilities,
             features, timings
    }
}

/// A face check that cannot be run as asked.
public struct FaceLivenessError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
