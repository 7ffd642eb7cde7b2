import Foundation
import Hummingbird
import LivenessEngine
import LivenessStore

/// `POST /modules/liveness`, the Argos Face Liveness API (../shared/seeds/argos-face-liveness-api.md):
/// `{"faceImage": base64}` with `x-api-key`; 200 `{"apiType": "id_live_face", "result":
/// {"liveness_score": 0-100}, "transactionId"}`. Errors are `{"transactionId", "message",
/// "errorCode"}` (a number, as the vendor's schema gives it): 1001 (401) key missing, unknown or
/// revoked; 1016 faceImage missing; 1017 the face could not be analysed (the quality status in the
/// message); 1003 the body or image cannot be used, or the server cannot run the check.
struct ArgosFaceLiveness {
    static let endpoint = "/modules/liveness"
    static let apiType = "id_live_face"

    let checks: CheckService
    let authenticator: APIKeyAuthenticator
    let maxBodyBytes: Int

    struct Answer: Encodable {
        struct Result: Encodable { var liveness_score: Int }
        var apiType = ArgosFaceLiveness.apiType
        var result: Result
        var transactionId: String
    }

    struct Failure: Error {
        var status: HTTPResponse.Status
        var errorCode: Int
        var message: String

        static let workspaceUnavailable = Failure(status: .unauthorized, errorCode: 1001, message: "Workspace is unavailable")
        static let faceImageRequired = Failure(status: .badRequest, errorCode: 1016, message: "faceImage is required")
        static func failToAnalyze(_ detail: String) -> Failure { Failure(status: .badRequest, errorCode: 1017, message: "Fail to analyze face: \(detail)") }
        static func failToProcess(_ detail: String, status: HTTPResponse.Status = .badRequest) -> Failure {
            Failure(status: status, errorCode: 1003, message: "Fail to process data: \(detail)")
        }

    }

    private struct Body: Encodable {
        var transactionId: String
        var errorCode: Int
        var message: String
    }

    func handle(_ request: Request, context: LivenessRequestContext) async throws -> Response {
        do {
            let workspace: Workspace
            do {
                workspace = try await authenticator.workspace(apiKey: request.headers[.apiKey])
            } catch is APIKeyAuthenticator.Refusal {
                throw Failure.workspaceUnavailable
            }
            let completed: CheckService.FaceCompleted
            do {
                completed = try await checks.checkFace(endpoint: Self.endpoint, imageField: "faceImage", transactionID: context.transactionID,
                                                       logger: context.logger, workspace: workspace.name) {
                    guard checks.face.defaultSignals != nil else { throw Failure.failToProcess("face liveness is not available on this server", status: .serviceUnavailable) }
                    let body = try await RequestBody.collect(request, limit: maxBodyBytes)
                    return (try Self.faceImage(body), FaceLivenessRequest())
                }
            } catch let error as APIError {
                throw Failure.failToProcess("\(error.field.map { "\($0): " } ?? "")\(error.message)",
                                            status: [.contentTooLarge, .requestTimeout, .serviceUnavailable].contains(error.status) ? error.status : .badRequest)
            }
            let result = completed.result
            guard result.status == .ok, let probability = result.probability else {
                throw Failure.failToAnalyze(result.status == .ok ? "the face could not be scored" : result.status.rawValue)
            }
            return try JSONResponse.make(Answer(result: .init(liveness_score: ArgosResponse.score(probability)), transactionId: completed.transactionID))
        } catch let failure as Failure {
            context.logger.info("\(Self.endpoint) -> \(failure.status.code) \(failure.errorCode): \(failure.message)")
            return try JSONResponse.make(Body(transactionId: context.transactionID, errorCode: failure.errorCode, message: failure.message),
                                         status: failure.status)
        }
    }

    /// The `faceImage` field: required, a base64 string (a MIME prefix is tolerated).
    static func faceImage(_ body: Data) throws -> [UInt8] {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw Failure.failToProcess("the body must be a JSON object")
        }
        guard let value = object["faceImage"], !(value is NSNull) else { throw Failure.faceImageRequired }
        guard let text = value as? String else { throw Failure.failToProcess("faceImage must be a base64 string") }
        guard !text.isEmpty else { throw Failure.faceImageRequired }
        do {
            return try Base64Image.decode(text, field: "faceImage")
        } catch {
            throw Failure.failToProcess("faceImage: \(error.message)")
        }
    }
}
