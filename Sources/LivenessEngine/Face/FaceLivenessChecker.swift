import Foundation

/// One worker's face engine: decoder, face detector, the MiniFASNet pack when installed, and the
/// trained head. Holds OpenCV objects, so it is not thread-safe: one per worker thread.
public final class FaceLivenessChecker {
    public struct Configuration: Sendable {
        /// Model-pack directory (YuNet, MiniFASNet); nil = the built-in cascade, no networks.
        public var modelDirectory: String?
        public var limits = ImageLimits()
        public var thresholds = FaceQualityThresholds()
        /// YuNet's minimum score for a face in a selfie: 0.9. Real faces in the webcam sets score
        /// above 0.95; at 320 px a wood grain texture reached 0.83.
        public var minimumFaceScore: Float = 0.9
        /// Faces are searched on the photo shrunk to this side (320: a 150 px face in a 1280 px
        /// frame is still 37 px there, where YuNet is reliable, and detection takes ~6 ms instead
        /// of ~23 ms at 640); when none is found, once more at twice the side.
        public var detectionSide = 320

        public init(modelDirectory: String? = nil) { self.modelDirectory = modelDirectory }
    }

    public let configuration: Configuration
    public let detector: FaceDetector
    /// nil when the MiniFASNet pack is not installed.
    public let networks: AntiSpoofingNetworks?
    /// nil when no face model is installed: faces are checked but not scored.
    public let model: InstalledFaceModel?
    private let decoder: ImageDecoder

    public init(configuration: Configuration, model: InstalledFaceModel?) throws {
        self.configuration = configuration
        detector = try FaceDetector(modelDirectory: configuration.modelDirectory, scoreThreshold: configuration.minimumFaceScore)
        networks = try AntiSpoofingNetworks(modelDirectory: configuration.modelDirectory)
        self.model = model
        decoder = ImageDecoder(limits: configuration.limits)
    }

    /// The signal sets this worker can score: those the model has a head and calibration for,
    /// less those needing the pack when it is not installed.
    public var availableSignals: [FaceSignals] {
        (model?.signalSets ?? []).filter { !$0.needsNetworks || networks != nil }
    }

    /// What a request that names no signals gets: the model's choice when installed, else
    /// everything installed (the cues alone without the pack).
    public var defaultSignals: FaceSignals? {
        if let chosen = model?.model.defaultSignals, availableSignals.contains(chosen) { return chosen }
        return availableSignals.contains(.all) ? .all : availableSignals.contains(.physical) ? .physical : availableSignals.first
    }

    /// Decodes, checks and scores one selfie. Throws `ImageInputError` for unreadable images and
    /// `FaceLivenessError` for signals that are not installed.
    public func check(_ bytes: [UInt8], request: FaceLivenessRequest = .init()) throws -> FaceLivenessResult {
        var decodeMilliseconds = 0.0
        let decoded = try measure(&decodeMilliseconds) { () throws(ImageInputError) in try decoder.decode(bytes) }
        var result = try check(decoded, request: request)
        result.timings.decode = decodeMilliseconds
        result.timings.total += decodeMilliseconds
        return result
    }

    /// Checks and scores a decoded selfie.
    public func check(_ decoded: DecodedImage, request: FaceLivenessRequest = .init()) throws -> FaceLivenessResult {
        let signals = request.signals ?? defaultSignals
        if let signals, !availableSignals.contains(signals) {
            throw FaceLivenessError("signals '\(signals.rawValue)' are not available; installed: "
                + (availableSignals.isEmpty ? "none" : availableSignals.map(\.rawValue).joined(separator: ", ")))
        }
        var timings = FaceLivenessResult.Timings()
        let start = ContinuousClock.now
        let (quality, values) = try examine(decoded.pixels, jpegQuality: decoded.header.jpegQuality, timings: &timings, ignoring: request.ignoring)
        let status = quality.blockingStatus(ignoring: request.ignoring)
        var result = FaceLivenessResult(imageWidth: decoded.pixels.cols, imageHeight: decoded.pixels.rows, quality: quality, status: status,
                                        signals: nil, score: nil, probability: nil, calibration: request.calibration,
                                        modelVersion: model?.model.version, networkProbabilities: values?.networkProbabilities,
                                        features: values?.named, cues: values?.cues, timings: timings)
        if status == .ok, let signals, let values, let model, let head = model.model.head(for: signals),
           let vector = values.vector(for: signals), let points = model.operatingPoints[signals] {
            let score = head.score(vector)
            result.signals = signals
            result.score = score
            result.probability = points.probability(score: score, level: request.calibration)
        }
        result.timings.total = (ContinuousClock.now - start).milliseconds
        return result
    }

    /// Detection, quality and (unless a status that is not ignored stops it) every signal, on a
    /// decoded BGR photo. Used by `check` and to measure training sets.
    public func examine(_ image: Mat, jpegQuality: Int?, timings: inout FaceLivenessResult.Timings,
                        ignoring: Set<FaceStatus> = []) throws -> (FaceQuality, FaceSignalValues?) {
        let faces = try LivenessEngine.measure(&timings.detect) {
            let found = try detector.detect(in: image, maximumSide: configuration.detectionSide)
            guard found.isEmpty, max(image.cols, image.rows) > configuration.detectionSide else { return found }
            return try detector.detect(in: image, maximumSide: 2 * configuration.detectionSide)
        }
        let quality = try LivenessEngine.measure(&timings.quality) {
            try FaceQuality.assess(faces, in: image, jpegQuality: jpegQuality, thresholds: configuration.thresholds)
        }
        guard let face = quality.face, quality.blockingStatus(ignoring: ignoring) == .ok else { return (quality, nil) }
        let values = try LivenessEngine.measure(&timings.signals) {
            FaceSignalValues(networkProbabilities: try networks?.realProbabilities(image, face: face.box),
                             cues: try FaceCueFeatures.measure(image, face: face.box, sharpness: quality.sharpness))
        }
        return (quality, values)
    }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
