import GRDB

extension SQLiteTransactionStore {
    /// Migration v2: workspaces and their API keys, the workspace of each transaction, and the
    /// outbox of asynchronous jobs. Rows written before it stay valid: their `workspace` is null
    /// (no key was asked for then), which `bi_report` counts under "every workspace".
    static func registerWorkspaceMigration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2: workspaces, api keys, async jobs") { db in
            try db.create(table: "workspaces") { table in
                table.primaryKey("name", .text)
                /// The HMAC-SHA256 key that signs this workspace's callbacks. The server must read
                /// it to sign, so it is a shared secret, not a password: unlike API keys it is kept.
                table.column("callback_secret", .text).notNull()
                table.column("created_at", .datetime).notNull()
            }
            try db.create(table: "api_keys") { table in
                /// The public part of the key (`lk_<id>_<secret>`), used to find the row.
                table.primaryKey("id", .text)
                table.column("workspace", .text).notNull().indexed().references("workspaces", column: "name")
                /// SHA-256 of the whole key, hex. The key itself is never stored.
                table.column("key_sha256", .text).notNull()
                table.column("created_at", .datetime).notNull()
                table.column("revoked_at", .datetime)
            }
            try db.alter(table: "transactions") { table in
                table.add(column: "workspace", .text)
            }
            try db.create(index: "transactions_workspace", on: "transactions", columns: ["workspace", "created_at"])
            try db.create(table: "async_jobs") { table in
                /// The transaction id the 201 announced; the check is recorded under it.
                table.primaryKey("id", .text)
                table.column("workspace", .text)
                table.column("endpoint", .text).notNull()
                /// The dialect's parsed request (JSON): what to run once the worker gets to it.
                table.column("request", .jsonText).notNull()
                /// The photo, kept only until the check has run, then set to null.
                table.column("image", .blob)
                table.column("callback_url", .text).notNull()
                table.column("state", .text).notNull()
                table.column("response_status", .integer)
                table.column("response_body", .text)
                table.column("attempts", .integer).notNull().defaults(to: 0)
                table.column("next_attempt_at", .datetime).notNull()
                table.column("last_error", .text)
                table.column("created_at", .datetime).notNull()
                table.column("updated_at", .datetime).notNull()
            }
            try db.create(index: "async_jobs_due", on: "async_jobs", columns: ["state", "next_attempt_at"])
        }
    }
}
