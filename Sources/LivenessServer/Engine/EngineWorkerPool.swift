import Foundation
import LivenessEngine

/// Runs engine work off the event loop on a fixed set of threads, each owning its own
/// `LivenessChecker` and `FaceLivenessChecker` (OpenCV objects are not thread-safe). At most `queueLimit` checks wait while
/// every thread is busy; beyond that `reserve` fails at once with `EngineOverloaded`, so latency
/// stays bounded under overload instead of growing with an unbounded queue. A request reserves its
/// place before its body is read and parsed, so the requests refused under overload cost almost
/// nothing, and those admitted are sure of a place.
final class EngineWorkerPool: @unchecked Sendable {
    struct Timed<Result: Sendable>: Sendable {
        var result: Result
        /// Milliseconds the check waited for a free worker.
        var queueMilliseconds: Double
    }

    /// One check, run on a worker with that worker's engines.
    private struct Job {
        var run: (WorkerEngines, _ waited: Double) -> Void
        var enqueued: ContinuousClock.Instant
    }

    let workerCount: Int
    let queueLimit: Int
    /// Called with the number of waiting plus running checks whenever it changes.
    private let onDepthChange: @Sendable (Int) -> Void
    private let condition = NSCondition()
    private var pending: [Job] = []
    private var running = 0
    /// Places promised to requests that are still reading or parsing their bodies.
    private var reserved = 0
    private var accepting = true
    private var liveThreads = 0
    private var drained: [CheckedContinuation<Void, Never>] = []

    /// Starts one thread per checker. `upcomingCheckers` (one per worker, same count) run the
    /// newest installed model versions for requests that ask for them (Argos `useUpcomingVersion`).
    /// `faceCheckers` (one per worker, same count) run selfie checks; without them the pool runs
    /// documents only.
    init(checkers: [LivenessChecker], upcomingCheckers: [LivenessChecker]? = nil, faceCheckers: [FaceLivenessChecker]? = nil, queueLimit: Int,
         onDepthChange: @escaping @Sendable (Int) -> Void = { _ in }) {
        precondition(!checkers.isEmpty, "at least one worker")
        precondition(upcomingCheckers == nil || upcomingCheckers?.count == checkers.count, "one upcoming checker per worker")
        precondition(faceCheckers == nil || faceCheckers?.count == checkers.count, "one face checker per worker")
        workerCount = checkers.count
        self.queueLimit = queueLimit
        self.onDepthChange = onDepthChange
        liveThreads = checkers.count
        for (index, checker) in checkers.enumerated() {
            let box = WorkerEngines(checker: checker, upcoming: upcomingCheckers?[index], face: faceCheckers?[index])
            let thread = Thread { [self] in work(with: box) }
            thread.name = "engine-worker-\(index)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// A place in the pool, held from before a request's body is parsed until its check is queued.
    final class Reservation: @unchecked Sendable {
        fileprivate var isUsed = false
    }

    /// Reserves a place, runs `body` (which parses the request and calls `submit`), and gives the
    /// place back if `body` ends without submitting. Throws `EngineOverloaded` at once when
    /// every worker is busy and the queue is full, `EngineStopped` after `drain()` began.
    func withReservation<T>(_ body: (Reservation) async throws -> T) async throws -> T {
        let reservation = try reserve()
        defer { if !reservation.isUsed { release() } }
        return try await body(reservation)
    }

    private func reserve() throws -> Reservation {
        condition.lock()
        defer { condition.unlock() }
        guard accepting else { throw EngineStopped() }
        guard pending.count + running + reserved < workerCount + queueLimit else { throw EngineOverloaded() }
        reserved += 1
        return Reservation()
    }

    private func release() {
        condition.lock()
        reserved -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Queues one document check in its reserved place and waits for a worker to run it.
    func submit(_ bytes: [UInt8], request: LivenessRequest, upcoming: Bool = false, in reservation: Reservation) async throws -> Timed<LivenessCheckResult> {
        try await enqueue(in: reservation) { engines in
            try (upcoming ? engines.upcoming ?? engines.checker : engines.checker).check(bytes, request: request)
        }
    }

    /// Queues one selfie check in its reserved place and waits for a worker to run it.
    func submitFace(_ bytes: [UInt8], request: FaceLivenessRequest, in reservation: Reservation) async throws -> Timed<FaceLivenessResult> {
        try await enqueue(in: reservation) { engines in
            guard let face = engines.face else { throw FaceLivenessError("face liveness is not enabled on this server") }
            return try face.check(bytes, request: request)
        }
    }

    private func enqueue<Result: Sendable>(in reservation: Reservation,
                                           _ body: @escaping (WorkerEngines) throws -> Result) async throws -> Timed<Result> {
        precondition(!reservation.isUsed, "a reservation holds one check")
        return try await withCheckedThrowingContinuation { continuation in
            condition.lock()
            reservation.isUsed = true
            reserved -= 1
            let run: (WorkerEngines, Double) -> Void = { engines, waited in
                continuation.resume(with: Swift.Result { Timed(result: try body(engines), queueMilliseconds: waited) })
            }
            pending.append(Job(run: run, enqueued: .now))
            let depth = pending.count + running
            condition.signal()
            condition.unlock()
            onDepthChange(depth)
        }
    }

    /// Stops accepting work, lets the queued and running checks finish, and ends the threads.
    /// (A request that reserved its place before the drain still gets its check run.)
    func drain() async {
        await withCheckedContinuation { continuation in
            condition.lock()
            accepting = false
            if liveThreads == 0 {
                condition.unlock()
                continuation.resume()
                return
            }
            drained.append(continuation)
            condition.broadcast()
            condition.unlock()
        }
    }

    private func work(with engines: WorkerEngines) {
        while true {
            condition.lock()
            while pending.isEmpty && (accepting || reserved > 0) { condition.wait() }
            guard !pending.isEmpty else {
                liveThreads -= 1
                let waiters = liveThreads == 0 ? drained : []
                condition.unlock()
                waiters.forEach { $0.resume() }
                return
            }
            let job = pending.removeFirst()
            running += 1
            condition.unlock()

            job.run(engines, (ContinuousClock.now - job.enqueued).milliseconds)

            condition.lock()
            running -= 1
            let depth = pending.count + running
            condition.unlock()
            onDepthChange(depth)
        }
    }
}

/// One worker's (non-Sendable) engines, handed to the one thread that owns them.
private struct WorkerEngines: @unchecked Sendable {
    let checker: LivenessChecker
    let upcoming: LivenessChecker?
    let face: FaceLivenessChecker?
}

struct EngineOverloaded: Error {}
struct EngineStopped: Error {}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
