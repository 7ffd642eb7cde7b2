import Foundation
import Hummingbird
import LivenessEngine
import LivenessStore
import Logging

/// Builds the whole server, for `liveness serve` and the tests alike: the engine workers, the
/// transaction store, the routes of every dialect, metrics and the background services.
/// - Parameters:
///   - implementedPipelines: the pipelines built into the engine (tests may add their own).
///   - store: where transactions, keys and asynchronous jobs go; nil opens the SQLite file of
///     `configuration.databasePath`.
public func buildApplication(
    configuration: ServerConfiguration,
    implementedPipelines: [PipelineDescriptor] = PipelineRegistry.builtIn,
    faceModel: InstalledFaceModel? = ModelLibrary.builtInFaceModel.model,
    store: (any LivenessDatabase)? = nil
) throws -> some ApplicationProtocol {
    var logger = Logger(label: "liveness")
    logger.logLevel = configuration.logLevel
    let variants = ModelVariants(implementedPipelines)
    let registry = try PipelineRegistry(implemented: variants.standard, availableNames: configuration.availablePipelines)
    let upcomingRegistry = try variants.upcoming.map { try PipelineRegistry(implemented: $0, availableNames: configuration.availablePipelines) }
    var analyzerConfiguration = DocumentAnalyzer.Configuration(modelDirectory: configuration.modelDirectory)
    analyzerConfiguration.limits = configuration.imageLimits
    let checkers = try (0..<max(1, configuration.workers)).map { _ in
        try LivenessChecker(analyzer: DocumentAnalyzer(configuration: analyzerConfiguration), registry: registry)
    }
    let upcomingCheckers = try upcomingRegistry.map { upcoming in
        // A worker runs one of its two checkers at a time, so they share its analyser.
        try checkers.map { try LivenessChecker(analyzer: $0.analyzer, registry: upcoming) }
    }
    var faceConfiguration = FaceLivenessChecker.Configuration(modelDirectory: configuration.modelDirectory)
    faceConfiguration.limits = configuration.imageLimits
    faceConfiguration.thresholds = configuration.faceThresholds
    let faceCheckers = try checkers.map { _ in try FaceLivenessChecker(configuration: faceConfiguration, model: faceModel) }
    let metrics = ServerMetrics()
    let pool = EngineWorkerPool(checkers: checkers, upcomingCheckers: upcomingCheckers, faceCheckers: faceCheckers,
                                queueLimit: configuration.effectiveQueueLimit,
                                onDepthChange: { metrics.setQueueDepth($0) })
    let store: any LivenessDatabase = try store ?? SQLiteTransactionStore(path: configuration.databasePath)
    let modelVersions = activeModels(faceDetector: checkers[0].analyzer.faceDetector.backend, registry: registry)
    let readiness = Readiness()
    var checks = CheckService(pool: pool, store: store, metrics: metrics, registry: registry, modelVersions: modelVersions)
    checks.face = FaceCapability(signals: faceCheckers[0].availableSignals, defaultSignals: faceCheckers[0].defaultSignals,
                                 modelVersion: faceModel?.model.version, networksInstalled: faceCheckers[0].networks != nil)
    if let upcomingRegistry {
        checks.upcoming = (upcomingRegistry, activeModels(faceDetector: checkers[0].analyzer.faceDetector.backend, registry: upcomingRegistry))
    }
    let dialects = DialectServices(configuration: configuration, checks: checks, store: store, metrics: metrics, logger: logger)

    let router = Router(context: LivenessRequestContext.self)
    router.middlewares.add(MetricsMiddleware(metrics: metrics))
    router.middlewares.add(ErrorMiddleware())
    if configuration.dialects.idLive {
        IDLiveDocController(checks: checks, maxBodyBytes: configuration.maxBodyBytes, keys: dialects.idLiveKeys).addRoutes(to: router)
    }
    FaceLivenessController(checks: checks, maxBodyBytes: configuration.maxBodyBytes, keys: dialects.idLiveKeys).addRoutes(to: router)
    ServerInfoController(registry: registry, store: store, modelVersions: modelVersions, face: checks.face, keys: dialects.idLiveKeys).addRoutes(to: router)
    dialects.addRoutes(to: router)
    OpenAPIController().addRoutes(to: router)
    MetricsController(metrics: metrics).addRoutes(to: router)
    HealthController(readiness: readiness).addRoutes(to: router)

    logger.info("engine \(EngineVersion.current): \(checkers.count) workers, queue limit \(configuration.effectiveQueueLimit), pipelines: \(registry.availableKinds.map(\.canonicalName)), models: \(modelVersions), face signals: \(checks.face.signals.map(\.rawValue))")
    return Application(
        router: router,
        server: .http1(configuration: .init(additionalChannelHandlers: [ExpectContinueHandler()])),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "liveness"),
        services: [
            EngineService(pool: pool, readiness: readiness),
            RetentionService(store: store, days: configuration.retentionDays, interval: configuration.retentionInterval, logger: logger, jobs: store),
            dialects.jobService,
        ],
        logger: logger
    )
}

/// Model name -> version of the models every check uses.
private func activeModels(faceDetector: FaceDetector.Backend, registry: PipelineRegistry) -> [String: String] {
    var models = ["face-detector": faceDetector == .yunet ? "yunet-2022mar" : "haar-frontalface-default"]
    for descriptor in registry.descriptors { models[descriptor.kind.canonicalName] = descriptor.modelVersion }
    return models
}
