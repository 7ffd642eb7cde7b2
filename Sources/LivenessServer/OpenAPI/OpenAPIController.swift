import Hummingbird

/// `GET /v3/api-docs`: the OpenAPI 3.1 description of every endpoint (as the vendor's container serves).
struct OpenAPIController {
    func addRoutes(to router: Router<LivenessRequestContext>) {
        router.get("v3/api-docs") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
    }
}
