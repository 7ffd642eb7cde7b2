import Crypto
import Foundation
import Hummingbird
import LivenessEngine
import LivenessStore
import Logging

/// What every dialect does with a photo once it has parsed its request: run the check on a worker,
/// record the transaction (never the image) and the metrics, and map engine failures to API errors.
struct CheckService: Sendable {
    let pool: EngineWorkerPool
    let store: any TransactionStore
    let metrics: ServerMetrics
    let registry: PipelineRegistry
    /// Model name -> version of the models every check uses (face detector, pipelines).
    let modelVersions: [String: String]
    /// What face checks can run (no signal sets when no face model is installed).
    var face = FaceCapability(signals: [], defaultSignals: nil, modelVersion: nil, networksInstalled: false)
    /// The newest installed model versions, when they differ from the default ones.
    var upcoming: (registry: PipelineRegistry, modelVersions: [String: String])?

    struct Completed: Sendable {
        var result: LivenessCheckResult
        var transactionID: String
        /// Whether the upcoming model versions ran (see `ModelVariants`).
        var upcoming: Bool
        /// The registry of the models that ran (their operating points, for score mappings).
        var registry: PipelineRegistry
        var queueMilliseconds: Double
        /// From the start of the request to the end of the check, in milliseconds.
        var latencyMilliseconds: Double
    }

    /// The available pipeline a client's name denotes; `field` names the request field for errors.
    func pipeline(named name: String, field: String) throws(APIError) -> PipelineKind {
        guard let kind = PipelineKind(name: name) else {
            let known = PipelineKind.allCases.flatMap(\.names)
            throw .invalidField(field, "unknown pipeline '\(name)'; known pipelines: \(known.joined(separator: ", "))")
        }
        guard registry.descriptor(for: kind) != nil else {
            let available = registry.availableKinds.flatMap(\.names)
            throw .invalidField(field, "pipeline '\(name)' is not available on this server; available: "
                + (available.isEmpty ? "none (image validation only: send an empty pipelines list)" : available.joined(separator: ", ")))
        }
        return kind
    }

    /// Runs one check. A place on the engine is reserved first, so an overloaded server answers
    /// 408 before it reads or parses anything; then `parse` reads the request into the image and
    /// what to check. `imageField` names the request field that carried the image, for errors.
    /// `workspace` is recorded with the transaction; `upcoming` asks for the newest model versions.
    func check(endpoint: String, imageField: String, context: LivenessRequestContext, workspace: String? = nil, upcoming: Bool = false,
               parse: () async throws -> (image: [UInt8], request: LivenessRequest)) async throws -> Completed {
        try await check(endpoint: endpoint, imageField: imageField, transactionID: context.transactionID, logger: context.logger,
                        workspace: workspace, upcoming: upcoming, parse: parse)
    }

    /// The same, outside a request (asynchronous jobs run by the outbox worker).
    func check(endpoint: String, imageField: String, transactionID: String, logger: Logger, workspace: String?, upcoming: Bool,
               parse: () async throws -> (image: [UInt8], request: LivenessRequest)) async throws -> Completed {
        let start = ContinuousClock.now
        let useUpcoming = upcoming && self.upcoming != nil
        let (image, timed) = try await run(imageField: imageField) { reservation in
            let (image, request) = try await parse()
            return (image, try await pool.submit(image, request: request, upcoming: useUpcoming, in: reservation))
        }
        let result = timed.result
        let latency = (ContinuousClock.now - start).milliseconds
        recordMetrics(result, queueMilliseconds: timed.queueMilliseconds)
        await record(TransactionRecord(
            id: transactionID, createdAt: Date(), endpoint: endpoint,
            results: result.outcomes.map {
                .init(pipeline: $0.pipeline.kind.canonicalName, calibration: $0.pipeline.calibration.rawValue,
                      status: $0.status.rawValue, probability: $0.probability, score: $0.score, warnings: $0.warnings.map(\.rawValue))
            },
            validationStatus: (result.report.statuses.first ?? .ok).rawValue, warnings: result.report.warnings.map(\.rawValue),
            documentFormat: result.documentFormat?.reportName ?? "UNKNOWN", latencyMilliseconds: latency,
            imageSHA256: APIKey.hex(SHA256.hash(data: image)),
            engineVersion: EngineVersion.current, modelVersions: useUpcoming ? self.upcoming!.modelVersions : modelVersions,
            workspace: workspace), logger: logger)
        return Completed(result: result, transactionID: transactionID, upcoming: useUpcoming,
                         registry: useUpcoming ? self.upcoming!.registry : registry,
                         queueMilliseconds: timed.queueMilliseconds, latencyMilliseconds: latency)
    }

    /// Reserves a place on the engine, runs `body` (parse, then submit) in it, and maps engine
    /// refusals and unreadable images to API errors.
    func run<T>(imageField: String, _ body: (EngineWorkerPool.Reservation) async throws -> T) async throws -> T {
        do {
            return try await pool.withReservation(body)
        } catch is EngineOverloaded {
            throw APIError.overloaded
        } catch is EngineStopped {
            throw APIError.shuttingDown
        } catch let error as ImageInputError {
            throw APIError(error, field: imageField)
        }
    }

    /// Stores a transaction; a store failure is logged, not returned (the client has its answer).
    func record(_ record: TransactionRecord, logger: Logger) async {
        do {
            try await store.record(record)
        } catch {
            logger.error("could not record the transaction: \(String(reflecting: error))")
        }
    }

    private func recordMetrics(_ result: LivenessCheckResult, queueMilliseconds: Double) {
        let timings = result.report.timingsMilliseconds
        metrics.recordStages([("queue", queueMilliseconds), ("decode", timings.decode), ("locate", timings.locate),
                              ("rectify", timings.rectify), ("validate", timings.validate), ("pipelines", result.pipelineMilliseconds)])
        for outcome in result.outcomes {
            let label = outcome.status != .ok ? outcome.status.rawValue : (outcome.probability ?? 0) > 0.5 ? "live" : "attack"
            metrics.recordOutcome(pipeline: outcome.pipeline.kind.canonicalName, outcome: label)
        }
    }
}

extension DocumentFormat {
    /// The format as the vendor's report keys write it: `ID1`, `ID2`, `ID3`, `UNKNOWN`.
    var reportName: String { self == .unknown ? "UNKNOWN" : rawValue.replacingOccurrences(of: "-", with: "") }
}
