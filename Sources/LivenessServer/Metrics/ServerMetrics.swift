import Foundation
import Prometheus

/// The server's Prometheus metrics, in a registry of its own (so several applications in one
/// process, as in the tests, do not share counters).
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    /// Seconds; from 1 ms to 10 s, dense around the engine's 20-200 ms.
    private static let latencyBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 2.5, 5, 10]
    private let queueDepth: Gauge

    init() {
        queueDepth = registry.makeGauge(name: "liveness_engine_queue_depth", labels: [],
                                        help: "Checks waiting for or running on an engine worker")
    }

    func recordRequest(endpoint: String, method: String, status: Int, seconds: Double) {
        registry.makeCounter(name: "liveness_http_requests_total",
                             labels: [("endpoint", endpoint), ("method", method), ("status", String(status))],
                             help: "HTTP requests answered").increment()
        registry.makeValueHistogram(name: "liveness_http_request_duration_seconds", labels: [("endpoint", endpoint)],
                                    buckets: Self.latencyBuckets, help: "Time to answer an HTTP request").record(seconds)
    }

    /// Engine stage durations (decode, locate, rectify, validate, pipelines, queue), in milliseconds.
    func recordStages(_ milliseconds: [(stage: String, milliseconds: Double)]) {
        for (stage, value) in milliseconds {
            registry.makeValueHistogram(name: "liveness_engine_stage_seconds", labels: [("stage", stage)],
                                        buckets: Self.latencyBuckets, help: "Time spent in each engine stage").record(value / 1000)
        }
    }

    /// One pipeline outcome: its validation status, or `live` / `attack` when it scored the document.
    func recordOutcome(pipeline: String, outcome: String) {
        registry.makeCounter(name: "liveness_pipeline_outcomes_total", labels: [("pipeline", pipeline), ("outcome", outcome)],
                             help: "Pipeline results by outcome").increment()
    }

    /// One callback delivery attempt: `delivered`, `retry` (failed, tried again later) or
    /// `failed` (the last allowed attempt failed; the job is marked failed).
    func recordCallback(outcome: String) {
        registry.makeCounter(name: "liveness_callbacks_total", labels: [("outcome", outcome)],
                             help: "Callback delivery attempts by outcome").increment()
    }

    /// An asynchronous job's check ran (`checked`).
    func recordAsyncJob(outcome: String) {
        registry.makeCounter(name: "liveness_async_jobs_total", labels: [("outcome", outcome)],
                             help: "Asynchronous jobs by outcome").increment()
    }

    func setQueueDepth(_ depth: Int) { queueDepth.set(Double(depth)) }

    func exposition() -> String { registry.emitToString() }
}
