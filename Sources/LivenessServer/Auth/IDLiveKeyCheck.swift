import Hummingbird

/// API keys on the IDLive Doc dialect: not required by default (as the vendor's container, which
/// trusts its network), required when `LIVENESS_IDLIVE_REQUIRE_KEY` is set. A key that is sent is
/// always checked, so a client's checks are counted in its workspace.
struct IDLiveKeyCheck: Sendable {
    let authenticator: APIKeyAuthenticator
    let required: Bool

    /// The workspace of the request's `x-api-key`; nil when none is sent and none is required.
    func workspace(of request: Request) async throws -> String? {
        guard let key = request.headers[.apiKey] else {
            if required { throw Self.refusal("an x-api-key header is required") }
            return nil
        }
        do {
            return try await authenticator.workspace(apiKey: key).name
        } catch let refusal as APIKeyAuthenticator.Refusal {
            throw Self.refusal(refusal.description)
        }
    }

    static func refusal(_ message: String) -> APIError {
        APIError(status: .unauthorized, code: "UNAUTHORIZED", field: "x-api-key", message: message)
    }
}
