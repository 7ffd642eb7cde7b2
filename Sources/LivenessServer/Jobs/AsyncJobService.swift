import Foundation
import LivenessStore
import Logging
import ServiceLifecycle

/// The outbox worker: runs accepted asynchronous jobs and delivers their callbacks.
///
/// Everything it does starts from the store, so work accepted before a crash or restart resumes
/// by itself: a job still `queued` is run (its photo is still there), then deleted of its photo in
/// the same write that keeps its response; a job `delivering` has its callback tried again.
/// Deliveries are retried with exponential backoff (`Callbacks.delay(afterAttempts:)`) up to
/// `maxAttempts`, then the job is marked `failed`, logged and counted. A crash between a
/// receiver's 2xx and the store's update repeats that delivery: callbacks are at-least-once, and
/// receivers deduplicate by `transactionId`.
struct AsyncJobService: Service {
    let store: any AsyncJobStore & WorkspaceStore
    let runners: [String: any AsyncJobRunner]
    let sender: CallbackSender
    let settings: ServerConfiguration.Callbacks
    let wakeup: Wakeup
    let metrics: ServerMetrics
    let logger: Logger
    var now: @Sendable () -> Date = { Date() }
    /// How many jobs are run or delivered at once.
    var batchSize = 8
    /// The longest the worker sleeps without looking at the store (it is woken for new jobs).
    var idleInterval = Duration.seconds(30)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let handled = await runDueJobs()
                if handled == batchSize { continue }
                await wakeup.wait(timeout: await timeUntilNextJob())
            }
        }
    }

    /// Runs or delivers the jobs that are due, at most `batchSize`, concurrently; returns how many.
    func runDueJobs() async -> Int {
        let due: [AsyncJob]
        do {
            due = try await store.dueJobs(at: now(), queuedDelay: settings.jobDelay.timeInterval, limit: batchSize)
        } catch {
            logger.error("outbox: cannot read due jobs: \(String(reflecting: error))")
            return 0
        }
        await withTaskGroup(of: Void.self) { group in
            for job in due { group.addTask { await handle(job) } }
        }
        return due.count
    }

    private func timeUntilNextJob() async -> Duration {
        guard let next = try? await store.nextDueDate(queuedDelay: settings.jobDelay.timeInterval) else { return idleInterval }
        let seconds = next.timeIntervalSince(now())
        return seconds <= 0 ? .zero : min(.milliseconds(Int64(seconds * 1000) + 1), idleInterval)
    }

    private func handle(_ job: AsyncJob) async {
        var job = job
        var logger = logger
        logger[metadataKey: "transaction_id"] = .string(job.id)
        if job.state == .queued {
            guard let completed = await runCheck(job, logger: logger) else { return }
            job = completed
        }
        await deliver(job, logger: logger)
    }

    /// Runs a queued job's check; nil when it must wait (engine overloaded or stopping).
    private func runCheck(_ job: AsyncJob, logger: Logger) async -> AsyncJob? {
        guard let runner = runners[job.endpoint] else {
            logger.error("outbox: no runner for \(job.endpoint); job left queued")
            try? await store.postpone(id: job.id, until: now().addingTimeInterval(3600), reason: "no runner for \(job.endpoint)", at: now())
            return nil
        }
        do {
            let (status, body) = try await runner.run(job, logger: logger)
            let text = String(decoding: body, as: UTF8.self)
            try await store.completeCheck(id: job.id, responseStatus: status, responseBody: text, at: now())
            metrics.recordAsyncJob(outcome: "checked")
            var completed = job
            (completed.state, completed.image, completed.responseStatus, completed.responseBody) = (.delivering, nil, status, text)
            return completed
        } catch let error as APIError {
            logger.info("outbox: engine busy (\(error.code)); job postponed")
            try? await store.postpone(id: job.id, until: now().addingTimeInterval(1), reason: error.message, at: now())
            return nil
        } catch {
            logger.error("outbox: cannot store the job's result: \(String(reflecting: error))")
            return nil
        }
    }

    private func deliver(_ job: AsyncJob, logger: Logger) async {
        let attempt = job.attempts + 1
        var failure: String?
        var retryable = true
        do {
            guard let workspaceName = job.workspace, let workspace = try await store.workspace(named: workspaceName) else {
                retryable = false
                throw OutboundError(kind: .invalidURL, message: "the job's workspace does not exist; there is no secret to sign with")
            }
            try await sender.deliver(body: Array((job.responseBody ?? "").utf8), to: job.callbackURL, transactionID: job.id,
                                     attempt: attempt, secret: workspace.callbackSecret)
        } catch {
            failure = (error as? OutboundError)?.message ?? String(reflecting: error)
        }
        if Task.isCancelled, failure != nil { return }   // shutting down: not the receiver's fault; retried after restart
        let retryAt = failure != nil && retryable && attempt < settings.maxAttempts
            ? now().addingTimeInterval(settings.delay(afterAttempts: attempt).timeInterval) : nil
        do {
            try await store.recordAttempt(id: job.id, delivered: failure == nil, error: failure, retryAt: retryAt, at: now())
        } catch {
            logger.error("outbox: cannot record the delivery attempt: \(String(reflecting: error))")
        }
        switch (failure, retryAt) {
        case (nil, _):
            metrics.recordCallback(outcome: "delivered")
            logger.info("callback delivered to \(job.callbackURL) (attempt \(attempt))")
        case (let failure?, let retryAt?):
            metrics.recordCallback(outcome: "retry")
            logger.warning("callback attempt \(attempt) to \(job.callbackURL) failed: \(failure); retrying at \(retryAt)")
        case (let failure?, nil):
            metrics.recordCallback(outcome: "failed")
            logger.error("callback to \(job.callbackURL) failed after \(attempt) attempts, giving up: \(failure)")
        }
    }
}
