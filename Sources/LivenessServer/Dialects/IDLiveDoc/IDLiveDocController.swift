import Foundation
import Hummingbird
import LivenessEngine

/// The IDLive Doc Server API (../shared/seeds/idlive-doc-server-rest-api.txt): clients written for
/// it work against this server by changing the base URL.
struct IDLiveDocController {
    let checks: CheckService
    let maxBodyBytes: Int
    let keys: IDLiveKeyCheck

    func addRoutes(to router: Router<LivenessRequestContext>) {
        router.post("check_liveness") { request, context in try await checkLiveness(request, context: context) }
        router.post("check_liveness_file") { request, context in try await checkLivenessFile(request, context: context) }
    }

    /// `POST /check_liveness`: JSON with a base64 image.
    func checkLiveness(_ request: Request, context: LivenessRequestContext) async throws -> Response {
        let workspace = try await keys.workspace(of: request)
        let completed = try await checks.check(endpoint: "/check_liveness", imageField: "image", context: context, workspace: workspace) {
            let parsed = try await RequestBody.decodeJSON(CheckLivenessBody.self, from: request, limit: maxBodyBytes)
            var pipelines: [LivenessRequest.Pipeline] = []
            for (index, entry) in parsed.pipelines.enumerated() {
                let kind = try checks.pipeline(named: entry.name, field: "pipelines[\(index)].pipeline_name")
                pipelines.append(.init(kind: kind, calibration: entry.calibration, requestedName: entry.name))
            }
            let ignored = try CheckLivenessBody.ignoredStatuses(parsed.errorsToIgnore, field: "errors_to_ignore")
            let image = try Base64Image.decode(parsed.image, field: "image")
            return (image, LivenessRequest(pipelines: pipelines, ignoring: ignored))
        }
        return try JSONResponse.make(CheckLivenessResponse(completed))
    }

    /// `POST /check_liveness_file`: multipart `file`; `pipelines`, `calibrations` and
    /// `errors_to_ignore` in the query, comma-separated or repeated.
    func checkLivenessFile(_ request: Request, context: LivenessRequestContext) async throws -> Response {
        let workspace = try await keys.workspace(of: request)
        let completed = try await checks.check(endpoint: "/check_liveness_file", imageField: "file", context: context, workspace: workspace) {
            try await parseFileRequest(request)
        }
        return try JSONResponse.make(CheckLivenessResponse(completed))
    }

    private func parseFileRequest(_ request: Request) async throws -> (image: [UInt8], request: LivenessRequest) {
        let query = request.uri.queryParameters
        func list(_ key: String) -> [String] {
            query.getAll(key).flatMap { ServerConfiguration.splitList(String($0)) }
        }
        let names = list("pipelines")
        guard query.has("pipelines") else { throw APIError.missingField("pipelines") }
        let calibrationNames = list("calibrations")
        guard calibrationNames.isEmpty || calibrationNames.count == names.count else {
            throw APIError.invalidField("calibrations", "\(calibrationNames.count) calibrations for \(names.count) pipelines: give none or one per pipeline")
        }
        var pipelines: [LivenessRequest.Pipeline] = []
        for (index, name) in names.enumerated() {
            let kind = try checks.pipeline(named: name, field: "pipelines[\(index)]")
            let calibration = calibrationNames.isEmpty ? .regular
                : try CheckLivenessBody.calibration(calibrationNames[index], field: "calibrations[\(index)]")
            pipelines.append(.init(kind: kind, calibration: calibration, requestedName: name))
        }
        let ignored = try CheckLivenessBody.ignoredStatuses(list("errors_to_ignore"), field: "errors_to_ignore")
        let body = try await RequestBody.collect(request, limit: maxBodyBytes)
        let image = try MultipartFile.extract(named: "file", from: body, contentType: request.headers[.contentType])
        return (image, LivenessRequest(pipelines: pipelines, ignoring: ignored))
    }
}
