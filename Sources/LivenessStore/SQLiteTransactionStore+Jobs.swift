import Foundation
import GRDB

extension SQLiteTransactionStore: AsyncJobStore {
    public func enqueue(_ job: AsyncJob) async throws {
        try await pool.write { db in try JobRow(job).insert(db) }
    }

    public func job(id: String) async throws -> AsyncJob? {
        try await pool.read { db in try JobRow.fetchOne(db, key: id)?.job }
    }

    public func dueJobs(at now: Date, queuedDelay: TimeInterval, limit: Int) async throws -> [AsyncJob] {
        try await pool.read { db in
            try JobRow.fetchAll(db, sql: """
                SELECT * FROM async_jobs
                WHERE (state = 'delivering' AND next_attempt_at <= ?) OR (state = 'queued' AND next_attempt_at <= ?)
                ORDER BY next_attempt_at, created_at LIMIT ?
                """, arguments: [now, now.addingTimeInterval(-queuedDelay), limit]).map(\.job)
        }
    }

    public func nextDueDate(queuedDelay: TimeInterval) async throws -> Date? {
        let (delivering, queued) = try await pool.read { db in
            (try Date.fetchOne(db, sql: "SELECT MIN(next_attempt_at) FROM async_jobs WHERE state = 'delivering'"),
             try Date.fetchOne(db, sql: "SELECT MIN(next_attempt_at) FROM async_jobs WHERE state = 'queued'"))
        }
        return [delivering, queued?.addingTimeInterval(queuedDelay)].compactMap { $0 }.min()
    }

    public func completeCheck(id: String, responseStatus: Int, responseBody: String, at now: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                UPDATE async_jobs SET state = 'delivering', image = NULL, response_status = ?, response_body = ?,
                       next_attempt_at = ?, updated_at = ? WHERE id = ? AND state = 'queued'
                """, arguments: [responseStatus, responseBody, now, now, id])
        }
    }

    public func postpone(id: String, until date: Date, reason: String, at now: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE async_jobs SET next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ? AND state = 'queued'",
                           arguments: [date, reason, now, id])
        }
    }

    public func recordAttempt(id: String, delivered: Bool, error: String?, retryAt: Date?, at now: Date) async throws {
        let state: AsyncJob.State = delivered ? .delivered : retryAt == nil ? .failed : .delivering
        try await pool.write { db in
            try db.execute(sql: """
                UPDATE async_jobs SET state = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?, updated_at = ?
                WHERE id = ? AND state = 'delivering'
                """, arguments: [state.rawValue, error, retryAt ?? now, now, id])
        }
    }

    public func deleteFinishedJobs(before cutoff: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM async_jobs WHERE state IN ('delivered', 'failed') AND updated_at < ?", arguments: [cutoff])
            return db.changesCount
        }
    }
}

private struct JobRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "async_jobs"
    var id: String
    var workspace: String?
    var endpoint: String
    var request: String
    var image: Data?
    var callback_url: String
    var state: String
    var response_status: Int?
    var response_body: String?
    var attempts: Int
    var next_attempt_at: Date
    var last_error: String?
    var created_at: Date
    var updated_at: Date

    init(_ job: AsyncJob) {
        id = job.id
        workspace = job.workspace
        endpoint = job.endpoint
        request = job.request
        image = job.image.map { Data($0) }
        callback_url = job.callbackURL
        state = job.state.rawValue
        response_status = job.responseStatus
        response_body = job.responseBody
        attempts = job.attempts
        next_attempt_at = job.nextAttemptAt
        last_error = job.lastError
        created_at = job.createdAt
        updated_at = job.createdAt
    }

    var job: AsyncJob {
        var job = AsyncJob(id: id, workspace: workspace, endpoint: endpoint, request: request, image: [], callbackURL: callback_url,
                           createdAt: created_at, runAt: next_attempt_at)
        job.image = image.map { [UInt8]($0) }
        job.state = AsyncJob.State(rawValue: state) ?? .failed
        job.responseStatus = response_status
        job.responseBody = response_body
        job.attempts = attempts
        job.lastError = last_error
        return job
    }
}
