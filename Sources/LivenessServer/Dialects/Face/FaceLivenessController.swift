import Foundation
import Hummingbird
import LivenessEngine

/// The native face endpoints, in the IDLive style of `/check_liveness`: `POST /check_face_liveness`
/// (JSON with a base64 image) and `POST /check_face_liveness_file` (multipart `file`; `calibration`,
/// `signals` and `errors_to_ignore` in the query).
struct FaceLivenessController {
    let checks: CheckService
    let maxBodyBytes: Int
    let keys: IDLiveKeyCheck

    func addRoutes(to router: Router<LivenessRequestContext>) {
        router.post("check_face_liveness") { request, context in try await checkFace(request, context: context) }
        router.post("check_face_liveness_file") { request, context in try await checkFaceFile(request, context: context) }
    }

    func checkFace(_ request: Request, context: LivenessRequestContext) async throws -> Response {
        let workspace = try await keys.workspace(of: request)
        let completed = try await checks.checkFace(endpoint: "/check_face_liveness", imageField: "image", transactionID: context.transactionID,
                                                   logger: context.logger, workspace: workspace) {
            let parsed = try await RequestBody.decodeJSON(CheckFaceLivenessBody.self, from: request, limit: maxBodyBytes)
            let engineRequest = FaceLivenessRequest(signals: try checks.faceSignals(named: parsed.signals, field: "signals"),
                                                    calibration: parsed.calibration,
                                                    ignoring: try CheckFaceLivenessBody.ignoredStatuses(parsed.errorsToIgnore, field: "errors_to_ignore"))
            try requireModel()
            return (try Base64Image.decode(parsed.image, field: "image"), engineRequest)
        }
        return try JSONResponse.make(CheckFaceLivenessResponse(completed))
    }

    func checkFaceFile(_ request: Request, context: LivenessRequestContext) async throws -> Response {
        let workspace = try await keys.workspace(of: request)
        let completed = try await checks.checkFace(endpoint: "/check_face_liveness_file", imageField: "file", transactionID: context.transactionID,
                                                   logger: context.logger, workspace: workspace) {
            let query = request.uri.queryParameters
            let calibration = try query.get("calibration").map { try CheckLivenessBody.calibration(String($0), field: "calibration") } ?? .regular
            let ignored = query.getAll("errors_to_ignore").flatMap { ServerConfiguration.splitList(String($0)) }
            let engineRequest = FaceLivenessRequest(signals: try checks.faceSignals(named: query.get("signals").map { String($0) }, field: "signals"),
                                                    calibration: calibration,
                                                    ignoring: try CheckFaceLivenessBody.ignoredStatuses(ignored, field: "errors_to_ignore"))
            try requireModel()
            let body = try await RequestBody.collect(request, limit: maxBodyBytes)
            return (try MultipartFile.extract(named: "file", from: body, contentType: request.headers[.contentType]), engineRequest)
        }
        return try JSONResponse.make(CheckFaceLivenessResponse(completed))
    }

    /// A server without a face model checks nothing rather than answer without a score.
    private func requireModel() throws(APIError) {
        guard checks.face.defaultSignals != nil else {
            throw APIError.unavailable("face liveness is not available: no face-liveness model is installed (see /api_version)")
        }
    }
}
