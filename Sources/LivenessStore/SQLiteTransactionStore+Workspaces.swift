import Foundation
import GRDB

extension SQLiteTransactionStore: WorkspaceStore {
    public func workspace(named name: String, creatingWithSecret secret: String) async throws -> Workspace {
        try await pool.write { db in
            if let existing = try WorkspaceRow.fetchOne(db, key: name) { return existing.workspace }
            let row = WorkspaceRow(name: name, callback_secret: secret, created_at: Date())
            try row.insert(db)
            return row.workspace
        }
    }

    public func workspace(named name: String) async throws -> Workspace? {
        try await pool.read { db in try WorkspaceRow.fetchOne(db, key: name)?.workspace }
    }

    public func insertKey(_ key: APIKeyRecord) async throws {
        try await pool.write { db in try APIKeyRow(key).insert(db) }
    }

    public func key(id: String) async throws -> (key: APIKeyRecord, workspace: Workspace)? {
        try await pool.read { db in
            guard let key = try APIKeyRow.fetchOne(db, key: id),
                  let workspace = try WorkspaceRow.fetchOne(db, key: key.workspace) else { return nil }
            return (key.record, workspace.workspace)
        }
    }

    public func keys() async throws -> [APIKeyRecord] {
        try await pool.read { db in try APIKeyRow.order(Column("created_at"), Column("id")).fetchAll(db).map(\.record) }
    }

    public func revokeKey(id: String, at date: Date) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [date, id])
            return db.changesCount == 1
        }
    }
}

private struct WorkspaceRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "workspaces"
    var name: String
    var callback_secret: String
    var created_at: Date

    var workspace: Workspace { Workspace(name: name, callbackSecret: callback_secret, createdAt: created_at) }
}

private struct APIKeyRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "api_keys"
    var id: String
    var workspace: String
    var key_sha256: String
    var created_at: Date
    var revoked_at: Date?

    init(_ key: APIKeyRecord) {
        (id, workspace, key_sha256, created_at, revoked_at) = (key.id, key.workspace, key.keySHA256, key.createdAt, key.revokedAt)
    }

    var record: APIKeyRecord {
        APIKeyRecord(id: id, workspace: workspace, keySHA256: key_sha256, createdAt: created_at, revokedAt: revoked_at)
    }
}
