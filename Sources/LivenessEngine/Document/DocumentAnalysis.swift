/// Everything the engine learnt about one photo before any pipeline runs.
public struct DocumentAnalysis: Sendable {
    public struct ImageInfo: Sendable, Codable {
        public var width: Int
        public var height: Int
        public var format: ImageFormat
        public var jpegQuality: Int?
        public var encodedBytes: Int
    }

    /// One located document, rectified and checked.
    public struct Document: Sendable {
        public var location: LocatedDocument
        /// The document warped upright to its canonical size (10 px/mm), for the pipelines.
        public var rectified: Mat
        public var portrait: Portrait?
        /// The portrait's corners in the photo (clockwise from its top-left), when found.
        public var portraitQuad: Quad?
        public var measurements: PixelMeasurements
    }

    public var image: ImageInfo
    /// The decoded photo, upright (for pipelines that look beyond the document).
    public var frame: Mat
    public var documents: [Document]
    /// Statuses of the photo as a whole (empty = OK).
    public var statuses: [ValidationStatus]
    public var warnings: [QualityWarning]
    public var timings: StageTimings

    /// The first status a pipeline must report, after dropping the ones the client chose to ignore;
    /// a missing portrait only blocks a pipeline that needs one.
    public func blockingStatus(ignoring ignored: Set<ValidationStatus> = [], requiresPortrait: Bool = true) -> ValidationStatus {
        statuses.first { status in
            if status == .documentPhotoNotFound { return requiresPortrait }
            return !(status.isIgnorable && ignored.contains(status))
        } ?? .ok
    }
}

/// Milliseconds spent in each stage.
public struct StageTimings: Sendable, Codable {
    public init() {}
    public var decode = 0.0
    public var locate = 0.0
    public var rectify = 0.0
    public var validate = 0.0
    public var total: Double { decode + locate + rectify + validate }
}
