import Foundation
import LivenessStore
import Logging

/// Runs one kind of asynchronous job (by its endpoint) and returns what a synchronous request
/// would have been answered: the callback's body.
protocol AsyncJobRunner: Sendable {
    /// Throws `APIError.overloaded` / `.shuttingDown` when the engine cannot take it now: the job
    /// stays queued (with its photo) and is tried again.
    func run(_ job: AsyncJob, logger: Logger) async throws(APIError) -> (status: Int, body: Data)
}
