import Hummingbird

/// Counts every request and times it, labelled by the matched route (not the raw path, so the
/// label set stays bounded).
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = LivenessRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let endpoint = context.endpointPath ?? "unmatched"
        metrics.recordRequest(endpoint: endpoint, method: request.method.rawValue, status: Int(response.status.code),
                              seconds: (ContinuousClock.now - start).milliseconds / 1000)
        return response
    }
}
