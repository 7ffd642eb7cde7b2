import Foundation
import Hummingbird
import LivenessEngine
import Logging

/// Runs an Argos check, for a request or an asynchronous job alike, and makes the response the
/// client gets (synchronously, or as the callback body).
struct ArgosCheck: Sendable {
    static let endpoint = "/modules/document"
    let checks: CheckService

    /// The engine request for the chosen pipelines (REGULAR, the only level Argos knows). A
    /// pipeline this server does not have is refused by name (1003), never scored; none chosen
    /// runs image validation only.
    func engineRequest(_ pipelines: ArgosPipelines) throws(ArgosError) -> LivenessRequest {
        let chosen: [(code: String, kind: PipelineKind)] = [
            (pipelines.sr, "sr", PipelineKind.screenReplay), (pipelines.pc, "pc", .printedCopy), (pipelines.ps, "ps", .portraitSubstitution),
        ].filter(\.0).map { ($0.1, $0.2) }
        var requested: [LivenessRequest.Pipeline] = []
        for (code, kind) in chosen {
            guard checks.registry.descriptor(for: kind) != nil else {
                let available = checks.registry.availableKinds.map { "\($0.shortCode) (\($0.canonicalName))" }
                throw .failToProcess("pipeline \(code) (\(kind.canonicalName)) is not available on this server; available: "
                    + (available.isEmpty ? "none yet (set sr, pc and ps to false for image validation only)" : available.joined(separator: ", ")))
            }
            requested.append(.init(kind: kind, calibration: .regular, requestedName: code))
        }
        return LivenessRequest(pipelines: requested)
    }

    func engineVersion(upcoming: Bool) -> String {
        ModelVariants.engineVersion(upcoming: upcoming && checks.upcoming != nil)
    }

    /// Runs the check and answers 200 with the scores, or the Argos error. Throws only
    /// `APIError.overloaded` / `.shuttingDown` (the caller decides: 408/503, or retry the job).
    func run(transactionID: String, logger: Logger, workspace: String?, upcoming: Bool,
             request: LivenessRequest, image: () throws -> [UInt8]) async throws(APIError) -> (status: HTTPResponse.Status, body: Data) {
        do {
            let completed = try await checks.check(endpoint: Self.endpoint, imageField: "idImage", transactionID: transactionID, logger: logger,
                                                   workspace: workspace, upcoming: upcoming) { (try image(), request) }
            let response = try response(completed)
            return (.ok, try encode(response))
        } catch let error as ArgosError {
            return (error.status, errorBody(error, transactionID: transactionID, upcoming: upcoming))
        } catch let error as APIError where error.status == APIError.overloaded.status || error.status == APIError.shuttingDown.status {
            throw error
        } catch let error as APIError {
            let status: HTTPResponse.Status = error.status == .contentTooLarge ? .contentTooLarge : .badRequest
            let argos = ArgosError.failToProcess("\(error.field.map { "\($0): " } ?? "")\(error.message)", status: status)
            return (argos.status, errorBody(argos, transactionID: transactionID, upcoming: upcoming))
        } catch {
            logger.error("\(Self.endpoint): \(String(reflecting: error))")
            let argos = ArgosError.failToProcess("an unexpected error occurred; quote the transaction id", status: .internalServerError)
            return (argos.status, errorBody(argos, transactionID: transactionID, upcoming: upcoming))
        }
    }

    /// The 200 body; 1009 when the photo could not be scored (the first status that stopped a
    /// requested pipeline, or with no pipeline requested, that stopped validation).
    func response(_ completed: CheckService.Completed) throws(ArgosError) -> ArgosResponse {
        let result = completed.result
        if let blocked = result.outcomes.first(where: { $0.status != .ok }) {
            throw .failToAnalyze(blocked.status.rawValue)
        }
        if result.outcomes.isEmpty, let status = result.report.statuses.first(where: { $0 != .ok && $0 != .documentPhotoNotFound }) {
            throw .failToAnalyze(status.rawValue)
        }
        var scores = ArgosResponse.Result()
        for outcome in result.outcomes {
            let score = ArgosResponse.Score(liveness_score: ArgosResponse.score(outcome.probability ?? 0))
            switch outcome.pipeline.kind {
            case .screenReplay: scores.screenReplay = score
            case .printedCopy: scores.paperPrinted = score
            case .portraitSubstitution: scores.replacePortraits = score
            case .digitalManipulation: break
            }
        }
        return ArgosResponse(transactionId: completed.transactionID, engineVersion: ModelVariants.engineVersion(upcoming: completed.upcoming),
                             result: scores)
    }

    func errorBody(_ error: ArgosError, transactionID: String, upcoming: Bool) -> Data {
        (try? encode(error.body(transactionID: transactionID, engineVersion: engineVersion(upcoming: upcoming)))) ?? Data()
    }

    func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return try encoder.encode(value)
    }
}
