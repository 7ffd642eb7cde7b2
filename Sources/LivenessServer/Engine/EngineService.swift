import ServiceLifecycle

/// Ties the worker pool to the service group: on graceful shutdown (after the HTTP server has
/// stopped accepting and answered its in-flight requests) the pool finishes what it holds and its
/// threads end.
struct EngineService: Service {
    let pool: EngineWorkerPool
    let readiness: Readiness

    func run() async throws {
        try? await gracefulShutdown()
        readiness.markShuttingDown()
        await pool.drain()
    }
}
