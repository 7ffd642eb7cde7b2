import Foundation
import Logging
import LivenessStore
import ServiceLifecycle

/// Deletes transactions older than `days` days, at start and then every `interval`, and the
/// finished (delivered or failed) asynchronous jobs as old as that.
/// `days == 0` keeps them forever. The clock is injected so tests can age the data.
struct RetentionService: Service {
    let store: any TransactionStore
    let days: Int
    let interval: Duration
    let logger: Logger
    var jobs: (any AsyncJobStore)?
    var now: @Sendable () -> Date = { Date() }

    func run() async throws {
        guard days > 0 else { return }
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await sweep()
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One pass: deletes what is older than the retention period.
    func sweep() async {
        let cutoff = now().addingTimeInterval(-Double(days) * 86_400)
        do {
            let deleted = try await store.deleteTransactions(before: cutoff)
            if deleted > 0 { logger.info("retention: deleted \(deleted) transactions older than \(days) days") }
            if let deletedJobs = try await jobs?.deleteFinishedJobs(before: cutoff), deletedJobs > 0 {
                logger.info("retention: deleted \(deletedJobs) finished asynchronous jobs older than \(days) days")
            }
        } catch {
            logger.error("retention: could not delete old transactions: \(String(reflecting: error))")
        }
    }
}
