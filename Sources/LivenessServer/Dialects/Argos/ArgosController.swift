import Foundation
import HTTPTypes
import LivenessEngine
import Hummingbird
import LivenessStore

/// `POST /modules/document`, the Argos ID Liveness API (../shared/seeds/argos-id-liveness-api.md):
/// clients written for it work against this server by changing the base URL and using a key from
/// `liveness keys create`. Without `callbackUrl` the check runs now and answers 200; with it the
/// job is written to the outbox, answered 201 at once, and its result POSTed to the callback.
struct ArgosController {
    let argos: ArgosCheck
    let authenticator: APIKeyAuthenticator
    let jobs: any AsyncJobStore
    let wakeup: Wakeup
    let outbound: OutboundHTTP
    let maxBodyBytes: Int
    let requireCallback: Bool
    let imageLimits: ImageLimits

    func addRoutes(to router: Router<LivenessRequestContext>) {
        router.post("modules/document") { request, context in try await document(request, context: context) }
        let face = ArgosFaceLiveness(checks: argos.checks, authenticator: authenticator, maxBodyBytes: maxBodyBytes)
        router.post("modules/liveness") { request, context in try await face.handle(request, context: context) }
    }

    func document(_ request: Request, context: LivenessRequestContext) async throws -> Response {
        var upcoming = false
        do {
            let workspace: Workspace
            do {
                workspace = try await authenticator.workspace(apiKey: request.headers[.apiKey])
            } catch let refusal as APIKeyAuthenticator.Refusal {
                context.logger.info("\(ArgosCheck.endpoint): refused: \(refusal)")
                throw ArgosError.workspaceUnavailable
            }
            let body: Data
            do {
                body = try await RequestBody.collect(request, limit: maxBodyBytes)
            } catch let error as APIError {
                throw ArgosError.failToProcess(error.message, status: error.status)
            }
            let parsed = try ArgosRequest.parse(body, requireCallback: requireCallback)
            upcoming = parsed.useUpcomingVersion
            let engineRequest = try argos.engineRequest(parsed.pipelines)
            let image: [UInt8]
            do {
                image = try Base64Image.decode(parsed.idImage, field: "idImage")
            } catch {
                throw ArgosError.failToProcess(error.message)
            }
            if let callbackURL = parsed.callbackURL {
                return try await accept(parsed, image: image, callbackURL: callbackURL, workspace: workspace, context: context)
            }
            let (status, answer) = try await argos.run(transactionID: context.transactionID, logger: context.logger, workspace: workspace.name,
                                                       upcoming: upcoming, request: engineRequest) { image }
            return Self.json(answer, status: status)
        } catch let error as ArgosError {
            context.logger.info("\(ArgosCheck.endpoint) -> \(error.status.code) \(error.errorCode): \(error.message)")
            return Self.json(argos.errorBody(error, transactionID: context.transactionID, upcoming: upcoming), status: error.status)
        } catch let error as APIError {
            // Overloaded or shutting down: the vendor has no code for it; 1003 with the server's status.
            let argosError = ArgosError.failToProcess(error.message, status: error.status)
            return Self.json(argos.errorBody(argosError, transactionID: context.transactionID, upcoming: upcoming), status: error.status)
        }
    }

    /// The asynchronous path: the photo's header and the callback URL are checked now (so a
    /// non-image or a refused URL is an immediate 1003, not a callback later), the job and its
    /// photo are written to the outbox, and only then is the client told 201.
    private func accept(_ parsed: ArgosRequest, image: [UInt8], callbackURL: String, workspace: Workspace,
                        context: LivenessRequestContext) async throws -> Response {
        do {
            try ImagePrecheck.check(image, limits: imageLimits)
        } catch {
            throw ArgosError.failToProcess("idImage: \(error.message)", status: error.tooLarge ? .contentTooLarge : .badRequest)
        }
        do {
            _ = try await outbound.vet(callbackURL)
        } catch {
            throw ArgosError.failToProcess("callbackUrl: \(error.message)")
        }
        let now = Date()
        let payload = ArgosJobRequest(pipelines: parsed.pipelines, useUpcomingVersion: parsed.useUpcomingVersion)
        let job = AsyncJob(id: context.transactionID, workspace: workspace.name, endpoint: ArgosCheck.endpoint,
                           request: String(decoding: try argos.encode(payload), as: UTF8.self), image: image, callbackURL: callbackURL,
                           createdAt: now)
        do {
            try await jobs.enqueue(job)
        } catch {
            context.logger.error("\(ArgosCheck.endpoint): could not store the job: \(String(reflecting: error))")
            throw ArgosError.failToProcess("the job could not be stored; retry later", status: .internalServerError)
        }
        wakeup.signal()
        let accepted = ArgosAccepted(transactionId: context.transactionID, engineVersion: argos.engineVersion(upcoming: parsed.useUpcomingVersion))
        return Self.json(try argos.encode(accepted), status: .created)
    }

    static func json(_ body: Data, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension HTTPField.Name {
    static let apiKey = Self("x-api-key")!
}

extension Duration {
    var timeInterval: TimeInterval { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
