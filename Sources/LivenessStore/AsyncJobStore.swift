import Foundation

/// An accepted asynchronous check and its callback: the outbox row written before the client is
/// told "accepted", so neither the work nor its delivery is lost if the process dies.
///
/// Life of a job: `queued` (the photo is kept until the check runs) -> `delivering` (the photo is
/// gone; the response body waits for a successful callback) -> `delivered`, or `failed` after the
/// last allowed attempt.
public struct AsyncJob: Sendable, Equatable {
    public enum State: String, Sendable, Codable {
        case queued, delivering, delivered, failed
    }

    public var id: String
    public var workspace: String?
    public var endpoint: String
    /// The dialect's parsed request, as JSON: what the worker runs.
    public var request: String
    /// The photo; nil once the check has run.
    public var image: [UInt8]?
    public var callbackURL: String
    public var state: State
    /// The HTTP status and JSON body a synchronous request would have got, once the check ran.
    public var responseStatus: Int?
    public var responseBody: String?
    /// Callback deliveries tried so far.
    public var attempts: Int
    /// When the worker should next look at this job (run it, or retry its callback).
    public var nextAttemptAt: Date
    public var lastError: String?
    public var createdAt: Date

    public init(id: String, workspace: String?, endpoint: String, request: String, image: [UInt8], callbackURL: String,
                createdAt: Date, runAt: Date? = nil) {
        self.id = id
        self.workspace = workspace
        self.endpoint = endpoint
        self.request = request
        self.image = image
        self.callbackURL = callbackURL
        state = .queued
        attempts = 0
        nextAttemptAt = runAt ?? createdAt
        self.createdAt = createdAt
    }
}

/// The outbox of asynchronous jobs.
public protocol AsyncJobStore: Sendable {
    func enqueue(_ job: AsyncJob) async throws
    func job(id: String) async throws -> AsyncJob?
    /// Jobs whose time has come, earliest first: delivering ones at their `nextAttemptAt`,
    /// queued ones `queuedDelay` seconds after it (the running server's hold on new work).
    func dueJobs(at now: Date, queuedDelay: TimeInterval, limit: Int) async throws -> [AsyncJob]
    /// When the next unfinished job falls due (by the same rule), to sleep until then.
    func nextDueDate(queuedDelay: TimeInterval) async throws -> Date?
    /// The check ran: keeps its response for delivery and deletes the photo, in one write.
    func completeCheck(id: String, responseStatus: Int, responseBody: String, at now: Date) async throws
    /// Postpones a queued job (e.g. the engine was overloaded), keeping its photo.
    func postpone(id: String, until date: Date, reason: String, at now: Date) async throws
    /// One delivery attempt ended: `delivered`, or failed with `error`, then retried at `retryAt`
    /// or, when nil, given up (`failed`).
    func recordAttempt(id: String, delivered: Bool, error: String?, retryAt: Date?, at now: Date) async throws
    /// Deletes delivered and failed jobs last updated before `cutoff`; returns how many went.
    func deleteFinishedJobs(before cutoff: Date) async throws -> Int
}

/// Everything the server keeps: transactions, workspaces and keys, the job outbox.
public typealias LivenessDatabase = TransactionStore & WorkspaceStore & AsyncJobStore
