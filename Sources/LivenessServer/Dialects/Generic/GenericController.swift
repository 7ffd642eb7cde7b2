import Foundation
import Hummingbird
import LivenessEngine

/// `POST /api/v1/document/liveness` (../shared/seeds/generic-document-liveness-api.txt): HTTP
/// Basic authentication (user name = workspace, password = API key), one or two sides of a
/// document, one `score`.
///
/// Each side is checked with every available pipeline that applies to it: the front with all of
/// them, the back without portrait substitution (a back side has no portrait, so it can never
/// be DOCUMENT_PHOTO_NOT_FOUND). A side's score is the lowest of its pipelines' scores, and the
/// document's score the lower of its sides' (live only if everything passes, as the aggregate in
/// DESIGN.md). A validation status on either side is the answer's `error` (front first).
struct GenericController {
    static let endpoint = "/api/v1/document/liveness"
    let checks: CheckService
    let authenticator: APIKeyAuthenticator
    let fetcher: ImageFetcher
    let maxBodyBytes: Int

    func addRoutes(to router: Router<LivenessRequestContext>) {
        router.post("api/v1/document/liveness") { request, context in try await liveness(request, context: context) }
    }

    func liveness(_ request: Request, context: LivenessRequestContext) async throws -> Response {
        var sessionId: String?
        do {
            let workspace: String
            do {
                workspace = try await authenticator.workspace(basicAuthorization: request.headers[.authorization]).name
            } catch let refusal as APIKeyAuthenticator.Refusal {
                throw GenericError.unauthorized(refusal.description)
            }
            let body: Data
            do {
                body = try await RequestBody.collect(request, limit: maxBodyBytes)
            } catch let error as APIError {
                throw GenericError(status: error.status, code: error.code, message: error.message)
            }
            let parsed = try GenericRequest.parse(body)
            sessionId = parsed.sessionId
            guard !checks.registry.availableKinds.isEmpty else { throw GenericError.noPipeline() }
            let front = try await load(parsed.front, field: parsed.frontField)
            let back: [UInt8]? = if let side = parsed.back { try await load(side, field: "backSideImageBase") } else { nil }

            let frontSide = try await check(front, side: "front", field: parsed.frontField, transactionID: context.transactionID,
                                            workspace: workspace, context: context)
            var answer = frontSide
            if let back {
                let backSide = try await check(back, side: "back", field: "backSideImageBase", transactionID: context.transactionID + "-back",
                                               workspace: workspace, context: context)
                answer = answer.hasError ? answer : backSide.hasError ? backSide
                    : GenericResponse(score: min(frontSide.score ?? 0, backSide.score ?? 0), hasError: false)
            }
            answer.sessionId = sessionId
            return try JSONResponse.make(answer)
        } catch let error as GenericError {
            context.logger.info("\(Self.endpoint) -> \(error.status.code) \(error.code): \(error.message)")
            var response = try JSONResponse.make(GenericResponse(sessionId: sessionId, hasError: true, error: error.code, message: error.message),
                                                 status: error.status)
            if error.status == .unauthorized { response.headers[.wwwAuthenticate] = "Basic realm=\"liveness\"" }
            return response
        }
    }

    private func load(_ source: GenericRequest.ImageSource, field: String) async throws(GenericError) -> [UInt8] {
        switch source {
        case .base64(let text):
            do {
                return try Base64Image.decode(text, field: field)
            } catch {
                throw .invalidImage(error.message)
            }
        case .url(let url):
            do {
                return try await fetcher.fetch(url)
            } catch {
                throw GenericError(error, field: field)
            }
        }
    }

    /// One side's check: its score, or its first validation status as the error.
    private func check(_ image: [UInt8], side: String, field: String, transactionID: String, workspace: String,
                       context: LivenessRequestContext) async throws -> GenericResponse {
        let kinds = checks.registry.availableKinds.filter { side == "front" || !$0.needsPortrait }
        let request = LivenessRequest(pipelines: kinds.map { LivenessRequest.Pipeline(kind: $0) })
        let completed: CheckService.Completed
        do {
            completed = try await checks.check(endpoint: Self.endpoint, imageField: field, transactionID: transactionID, logger: context.logger,
                                               workspace: workspace, upcoming: false) { (image, request) }
        } catch let error as APIError {
            throw error.code == "IMAGE_TOO_LARGE" ? GenericError.imageTooLarge("\(field): \(error.message)")
                : error.field == field ? GenericError.invalidImage("\(field): \(error.message)")
                : GenericError(status: error.status, code: error.code, message: error.message)
        }
        if let blocked = completed.result.outcomes.first(where: { $0.status != .ok }) {
            return GenericResponse(hasError: true, error: blocked.status.rawValue, message: "\(side) side: \(blocked.status.rawValue)")
        }
        let scores = completed.result.outcomes.compactMap { outcome -> Double? in
            guard let raw = outcome.score, let descriptor = completed.registry.descriptor(for: outcome.pipeline.kind) else { return nil }
            return GenericScore.score(raw: raw, points: descriptor.operatingPoints)
        }
        return GenericResponse(score: scores.min() ?? 0, hasError: false)
    }
}
