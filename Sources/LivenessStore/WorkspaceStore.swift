import Foundation

/// A tenant of the server: its checks are counted apart, its callbacks signed with its secret.
public struct Workspace: Sendable, Equatable, Codable {
    public var name: String
    /// Hex HMAC-SHA256 key for this workspace's callback signatures.
    public var callbackSecret: String
    public var createdAt: Date

    public init(name: String, callbackSecret: String, createdAt: Date) {
        self.name = name
        self.callbackSecret = callbackSecret
        self.createdAt = createdAt
    }
}

/// An API key as stored: its public id and the SHA-256 of the whole key, never the key.
public struct APIKeyRecord: Sendable, Equatable, Codable {
    public var id: String
    public var workspace: String
    public var keySHA256: String
    public var createdAt: Date
    public var revokedAt: Date?

    public init(id: String, workspace: String, keySHA256: String, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.workspace = workspace
        self.keySHA256 = keySHA256
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

/// Workspaces and their API keys. Hashing and comparing keys is the server's job; the store only
/// keeps what it is given.
public protocol WorkspaceStore: Sendable {
    /// The workspace named `name`, created with `secret` when it does not exist yet.
    func workspace(named name: String, creatingWithSecret secret: String) async throws -> Workspace
    func workspace(named name: String) async throws -> Workspace?
    func insertKey(_ key: APIKeyRecord) async throws
    /// The key with this public id (revoked or not), with its workspace.
    func key(id: String) async throws -> (key: APIKeyRecord, workspace: Workspace)?
    /// Every key, oldest first.
    func keys() async throws -> [APIKeyRecord]
    /// Marks a key revoked; false when no key has that id or it was already revoked.
    func revokeKey(id: String, at date: Date) async throws -> Bool
}
