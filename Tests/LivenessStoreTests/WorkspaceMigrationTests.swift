import Foundation
import GRDB
import LivenessStore
import Testing

/// Migration v2 (workspaces, keys, async jobs, the workspace of each transaction) on a database
/// written by v1: old rows stay readable and countable, with no workspace.
struct WorkspaceMigrationTests {
    @Test("a v1 database opens, migrates, and its rows read back with a nil workspace and count in bi_report")
    func oldRowsStayValid() async throws {
        let path = StoreTests.path()
        // The schema and bookkeeping exactly as migration v1 left them.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1: transactions');
                CREATE TABLE transactions (id TEXT PRIMARY KEY, created_at DATETIME NOT NULL, endpoint TEXT NOT NULL, results TEXT NOT NULL,
                    validation_status TEXT NOT NULL, warnings TEXT NOT NULL, document_format TEXT NOT NULL, latency_ms DOUBLE NOT NULL,
                    image_sha256 TEXT NOT NULL, engine_version TEXT NOT NULL, model_versions TEXT NOT NULL);
                INSERT INTO transactions VALUES ('old', '2026-03-10 12:00:00.000', '/check_liveness',
                    '[{"calibration":"REGULAR","pipeline":"screen-replay","probability":0.75,"score":1,"status":"OK","warnings":[]}]',
                    'OK', '[]', 'ID1', 40, 'ab', '0.2.0', '{}');
                """)
        }
        try queue.close()
        let store = try SQLiteTransactionStore(path: path)
        let old = try #require(try await store.transaction(id: "old"))
        #expect(old.workspace == nil)
        #expect(old.results.first?.probability == 0.75)
        var new = StoreTests.record("new", at: StoreTests.noon, results: [])
        new.workspace = "acme"
        try await store.record(new)
        let day = try #require(Day("2026-03-10"))
        #expect(try await store.report(from: day, through: day).total == 2)
        #expect(try await store.report(from: day, through: day, workspace: "acme").total == 1)
        #expect(try await store.workspace(named: "acme") == nil, "workspaces are created by keys, not by transactions")
    }
}
