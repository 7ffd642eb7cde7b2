import Crypto
import Foundation
import LivenessEngine
import LivenessStore
import Logging

/// The face checks this server can run: the signal sets installed on every worker and the model.
struct FaceCapability: Sendable {
    var signals: [FaceSignals]
    var defaultSignals: FaceSignals?
    var modelVersion: String?
    var networksInstalled: Bool
}

extension CheckService {
    struct FaceCompleted: Sendable {
        var result: FaceLivenessResult
        var transactionID: String
        var queueMilliseconds: Double
        var latencyMilliseconds: Double
    }

    /// The transaction's pipeline name for face checks.
    static let facePipeline = FaceModel.pipeline

    /// Refuses signals this server cannot score, naming what it can (`field`: the request field).
    func faceSignals(named name: String?, field: String) throws(APIError) -> FaceSignals? {
        guard let name else { return nil }
        guard let signals = FaceSignals(rawValue: name.lowercased()) else {
            throw .invalidField(field, "unknown signals '\(name)'; known: \(FaceSignals.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard face.signals.contains(signals) else {
            throw .invalidField(field, "signals '\(name)' are not available on this server; available: "
                + (face.signals.isEmpty ? "none (no face model installed)" : face.signals.map(\.rawValue).joined(separator: ", ")))
        }
        return signals
    }

    /// Runs one selfie check, as `check` does a document: reserve, parse, run, record (never the image).
    func checkFace(endpoint: String, imageField: String, transactionID: String, logger: Logger, workspace: String?,
                   parse: () async throws -> (image: [UInt8], request: FaceLivenessRequest)) async throws -> FaceCompleted {
        let start = ContinuousClock.now
        let (image, timed) = try await run(imageField: imageField) { reservation in
            let (image, request) = try await parse()
            return (image, try await pool.submitFace(image, request: request, in: reservation))
        }
        let result = timed.result
        let latency = (ContinuousClock.now - start).milliseconds
        let t = result.timings
        metrics.recordStages([("queue", timed.queueMilliseconds), ("decode", t.decode), ("face_detect", t.detect),
                              ("face_quality", t.quality), ("face_signals", t.signals)])
        let outcome = result.status != .ok ? result.status.rawValue : result.isLive.map { $0 ? "live" : "attack" } ?? "not_scored"
        metrics.recordOutcome(pipeline: Self.facePipeline, outcome: outcome)
        var models = modelVersions
        if let version = result.modelVersion { models[Self.facePipeline] = version }
        if result.networkProbabilities != nil { models["minifasnet"] = "v2+v1se" }
        await record(TransactionRecord(
            id: transactionID, createdAt: Date(), endpoint: endpoint,
            results: [.init(pipeline: Self.facePipeline, calibration: result.calibration.rawValue, status: result.status.rawValue,
                            probability: result.probability, score: result.score, warnings: result.quality.warnings.map(\.rawValue))],
            validationStatus: result.status.rawValue, warnings: result.quality.warnings.map(\.rawValue),
            documentFormat: "FACE", latencyMilliseconds: latency, imageSHA256: APIKey.hex(SHA256.hash(data: image)),
            engineVersion: EngineVersion.current, modelVersions: models, workspace: workspace), logger: logger)
        return FaceCompleted(result: result, transactionID: transactionID, queueMilliseconds: timed.queueMilliseconds, latencyMilliseconds: latency)
    }
}
