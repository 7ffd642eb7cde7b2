import Foundation
import LivenessEngine
import LivenessStore
import Logging

/// Runs an accepted Argos job from the outbox: the same check and the same JSON as the
/// synchronous answer, to be POSTed to the callback URL.
struct ArgosJobRunner: AsyncJobRunner {
    let argos: ArgosCheck

    func run(_ job: AsyncJob, logger: Logger) async throws(APIError) -> (status: Int, body: Data) {
        let transactionID = job.id
        guard let payload = try? JSONDecoder().decode(ArgosJobRequest.self, from: Data(job.request.utf8)) else {
            let error = ArgosError.failToProcess("the stored job is unreadable", status: .internalServerError)
            return (Int(error.status.code), argos.errorBody(error, transactionID: transactionID, upcoming: false))
        }
        let request: LivenessRequest
        do {
            request = try argos.engineRequest(payload.pipelines)
        } catch {
            // The pipeline was available when the job was accepted but is not after a restart.
            return (Int(error.status.code), argos.errorBody(error, transactionID: transactionID, upcoming: payload.useUpcomingVersion))
        }
        let image = job.image ?? []
        let (status, body) = try await argos.run(transactionID: transactionID, logger: logger, workspace: job.workspace,
                                                 upcoming: payload.useUpcomingVersion, request: request) { image }
        return (Int(status.code), body)
    }
}
