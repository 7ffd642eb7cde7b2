/// A Codable summary of an analysis (what `liveness check --json` prints).
public struct DocumentAnalysisReport: Sendable, Codable {
    public struct DocumentReport: Sendable, Codable {
        public var corners: [Point]
        public var confidence: Double
        public var format: DocumentFormat
        public var aspectRatio: Double
        public var cropped: Bool
        public var portraitBox: Rect?
        public var portraitCorners: [Point]?
        public var measurements: PixelMeasurements
    }

    public var image: DocumentAnalysis.ImageInfo
    public var documents: [DocumentReport]
    public var statuses: [ValidationStatus]
    public var warnings: [QualityWarning]
    public var timingsMilliseconds: StageTimings
    public var faceDetector: FaceDetector.Backend
}

extension DocumentAnalysis {
    public func report(faceDetector: FaceDetector.Backend) -> DocumentAnalysisReport {
        DocumentAnalysisReport(
            image: image,
            documents: documents.map {
                .init(corners: $0.location.quad.corners, confidence: $0.location.confidence, format: $0.location.format,
                      aspectRatio: $0.location.aspectRatio, cropped: $0.location.isCropped, portraitBox: $0.portrait?.box,
                      portraitCorners: $0.portraitQuad?.corners, measurements: $0.measurements)
            },
            statuses: statuses.isEmpty ? [.ok] : statuses,
            warnings: warnings,
            timingsMilliseconds: timings,
            faceDetector: faceDetector
        )
    }
}
