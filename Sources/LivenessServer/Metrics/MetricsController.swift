import Hummingbird

/// `GET /metrics`: the Prometheus text exposition.
struct MetricsController {
    let metrics: ServerMetrics

    func addRoutes(to router: Router<LivenessRequestContext>) {
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
    }
}
