import Foundation

/// Runs the stages before the pipelines: decode, locate, rectify and find the portrait, validate.
/// Holds OpenCV detectors, so it is not thread-safe: one per worker.
public final class DocumentAnalyzer {
    public struct Configuration: Sendable {
        public var limits = ImageLimits()
        public var locator = DocumentLocator.Configuration()
        public var thresholds = ValidationThresholds()
        /// Directory holding optional model packs (YuNet); nil uses the built-in Haar cascade.
        public var modelDirectory: String?
        /// Rectified resolution: 10 px/mm puts an ID-1 card at 856 x 540.
        public var pixelsPerMillimetre = 10.0
        public init(modelDirectory: String? = nil) { self.modelDirectory = modelDirectory }
    }

    public let configuration: Configuration
    public let faceDetector: FaceDetector
    private let decoder: ImageDecoder
    private let locator: DocumentLocator

    public init(configuration: Configuration) throws {
        self.configuration = configuration
        decoder = ImageDecoder(limits: configuration.limits)
        locator = DocumentLocator(configuration: configuration.locator)
        faceDetector = try FaceDetector(modelDirectory: configuration.modelDirectory)
    }

    /// Decodes and analyses encoded image bytes.
    public func analyse(_ bytes: [UInt8]) throws -> DocumentAnalysis {
        var timings = StageTimings()
        let decoded = try measure(&timings.decode) { () throws(ImageInputError) in try decoder.decode(bytes) }
        return try analyse(decoded, timings: timings)
    }

    public func analyse(_ decoded: DecodedImage, timings initial: StageTimings = .init()) throws -> DocumentAnalysis {
        var timings = initial
        let frame = decoded.pixels
        let located = try measure(&timings.locate) { try locator.locate(in: frame) }
        let documents = try measure(&timings.rectify) { try located.map { try rectify($0, in: frame) } }
        let checks = GeometryChecks(thresholds: configuration.thresholds)
        var statuses: [ValidationStatus] = []
        var warnings: [QualityWarning] = []
        measure(&timings.validate) {
            if let header = decoded.header.jpegQuality, header < configuration.thresholds.minimumJPEGQuality {
                warnings.append(.imageIsTooCompressed)
            }
            guard let main = documents.first else {
                statuses = [.documentNotFound]
                return
            }
            if documents.count > 1 { statuses.append(.tooManyDocuments) }
            statuses += checks.statuses(for: main.location, frameWidth: frame.cols, frameHeight: frame.rows)
            if main.portrait == nil { statuses.append(.documentPhotoNotFound) }
            statuses += main.measurements.statuses(configuration.thresholds)
            warnings += main.measurements.warnings(configuration.thresholds)
            warnings += checks.warnings(for: main.location, frameWidth: frame.cols, frameHeight: frame.rows)
        }
        let info = DocumentAnalysis.ImageInfo(width: frame.cols, height: frame.rows, format: decoded.header.format,
                                              jpegQuality: decoded.header.jpegQuality, encodedBytes: decoded.encodedBytes)
        return DocumentAnalysis(image: info, frame: frame, documents: documents, statuses: statuses, warnings: warnings, timings: timings)
    }

    /// Warps the document to its canonical size, turns it upright by its portrait, and measures it.
    private func rectify(_ location: LocatedDocument, in frame: Mat) throws -> DocumentAnalysis.Document {
        let size = canonicalSize(location)
        var location = location
        var rectified = try frame.warped(quad: location.quad, width: size.width, height: size.height)
        let (turns, portrait) = try PortraitFinder().find(on: rectified, detector: faceDetector)
        if turns == 2 {
            location.quad = location.quad.rotated(by: 2)
            rectified = try rectified.oriented(exif: 3)
        }
        var portraitQuad: Quad?
        if let box = portrait?.box {
            let h = try Geometry.homography(from: rectified.bounds.corners, to: location.quad.corners)
            portraitQuad = Quad(box.corners.map { Geometry.apply(h, to: $0) })
        }
        return DocumentAnalysis.Document(location: location, rectified: rectified, portrait: portrait,
                                         portraitQuad: portraitQuad, measurements: try PixelMeasurements.measure(rectified))
    }

    private func canonicalSize(_ location: LocatedDocument) -> (width: Int, height: Int) {
        if let size = location.format.canonicalSize(pixelsPerMillimetre: configuration.pixelsPerMillimetre) { return size }
        let aspect = min(max(location.aspectRatio, 1), 3)
        return (1000, Int((1000 / aspect).rounded()))
    }
}

/// Runs `body`, adding its duration in milliseconds to `elapsed`.
public func measure<T, E: Error>(_ elapsed: inout Double, _ body: () throws(E) -> T) throws(E) -> T {
    let clock = ContinuousClock()
    let start = clock.now
    defer {
        let duration = clock.now - start
        elapsed += Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
    return try body()
}
