import Foundation
import GRDB

/// The embedded store: one SQLite file in WAL mode (readers never wait for the writer), schema
/// created and upgraded by migrations. One row per check; the pipelines' results are a JSON array.
public struct SQLiteTransactionStore: TransactionStore {
    /// Shared with the workspace and job extensions (same file, same connections).
    let pool: DatabasePool

    /// Opens (creating when absent) the database at `path` and migrates it to the current schema.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: transactions") { db in
            try db.create(table: "transactions") { table in
                table.primaryKey("id", .text)
                table.column("created_at", .datetime).notNull().indexed()
                table.column("endpoint", .text).notNull()
                table.column("results", .jsonText).notNull()
                table.column("validation_status", .text).notNull()
                table.column("warnings", .jsonText).notNull()
                table.column("document_format", .text).notNull()
                table.column("latency_ms", .double).notNull()
                table.column("image_sha256", .text).notNull()
                table.column("engine_version", .text).notNull()
                table.column("model_versions", .jsonText).notNull()
            }
        }
        registerWorkspaceMigration(in: &migrator)
        return migrator
    }

    public func record(_ transaction: TransactionRecord) async throws {
        let row = try TransactionRow(transaction)
        try await pool.write { db in try row.insert(db) }
    }

    public func transaction(id: String) async throws -> TransactionRecord? {
        try await pool.read { db in try TransactionRow.fetchOne(db, key: id) }.map { try $0.record() }
    }

    public func report(from: Day, through: Day, workspace: String?) async throws -> BIReport {
        try await pool.read { db in
            // `? IS NULL OR workspace = ?`: one statement for "every workspace" and "this one".
            let filter = "created_at >= ? AND created_at < ? AND (? IS NULL OR workspace = ?)"
            let arguments: StatementArguments = [from.start, through.end, workspace, workspace]
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM transactions WHERE \(filter)", arguments: arguments) ?? 0
            var counts: [String: Int] = [:]
            let scored = try Row.fetchAll(db, sql: """
                SELECT json_extract(r.value, '$.pipeline') AS pipeline, t.document_format AS format,
                       json_extract(r.value, '$.status') AS status, json_extract(r.value, '$.probability') AS probability
                FROM transactions t, json_each(t.results) r
                WHERE t.created_at >= ? AND t.created_at < ? AND (? IS NULL OR t.workspace = ?)
                """, arguments: arguments)
            for row in scored {
                let pipeline: String = row["pipeline"], format: String = row["format"], status: String = row["status"]
                let key = if status == "OK", let probability = row["probability"] as Double? {
                    BIReport.probabilityKey(pipeline: pipeline, format: format, probability: probability)
                } else {
                    BIReport.statusKey(pipeline: pipeline, format: format, status: status)
                }
                counts[key, default: 0] += 1
            }
            let validationOnly = try Row.fetchAll(db, sql: """
                SELECT document_format AS format, validation_status AS status, COUNT(*) AS n FROM transactions
                WHERE \(filter) AND json_array_length(results) = 0 GROUP BY 1, 2
                """, arguments: arguments)
            for row in validationOnly {
                counts[BIReport.statusKey(pipeline: "validation", format: row["format"], status: row["status"]), default: 0] += row["n"] as Int
            }
            return BIReport(total: total, counts: counts)
        }
    }

    public func deleteTransactions(before cutoff: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM transactions WHERE created_at < ?", arguments: [cutoff])
            return db.changesCount
        }
    }
}

/// The table's row: lists and dictionaries stored as JSON text.
private struct TransactionRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "transactions"
    var id: String
    var created_at: Date
    var endpoint: String
    var results: String
    var validation_status: String
    var warnings: String
    var document_format: String
    var latency_ms: Double
    var image_sha256: String
    var engine_version: String
    var model_versions: String
    /// Null for checks made without an API key (and for every row older than migration v2).
    var workspace: String?

    init(_ record: TransactionRecord) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        id = record.id
        created_at = record.createdAt
        endpoint = record.endpoint
        results = try json(record.results)
        validation_status = record.validationStatus
        warnings = try json(record.warnings)
        document_format = record.documentFormat
        latency_ms = record.latencyMilliseconds
        image_sha256 = record.imageSHA256
        engine_version = record.engineVersion
        model_versions = try json(record.modelVersions)
        workspace = record.workspace
    }

    func record() throws -> TransactionRecord {
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ text: String) throws -> T { try decoder.decode(T.self, from: Data(text.utf8)) }
        return TransactionRecord(id: id, createdAt: created_at, endpoint: endpoint, results: try decode(results),
                                 validationStatus: validation_status, warnings: try decode(warnings), documentFormat: document_format,
                                 latencyMilliseconds: latency_ms, imageSHA256: image_sha256, engineVersion: engine_version,
                                 modelVersions: try decode(model_versions), workspace: workspace)
    }
}
