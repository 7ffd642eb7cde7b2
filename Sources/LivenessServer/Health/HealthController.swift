import Hummingbird

/// `GET /health`: the process answers. `GET /ready`: it accepts checks (models loaded, store open,
/// not shutting down); 503 otherwise, so a load balancer stops sending work.
struct HealthController {
    let readiness: Readiness

    func addRoutes(to router: Router<LivenessRequestContext>) {
        router.get("health") { _, _ in try JSONResponse.make(["status": "UP"]) }
        router.get("ready") { _, _ in
            readiness.isReady ? try JSONResponse.make(["status": "READY"])
                : try JSONResponse.make(["status": "SHUTTING_DOWN"], status: .serviceUnavailable)
        }
    }
}
