import Foundation
import LivenessStore

/// Creates and revokes API keys (for `liveness keys` and the tests): the key is returned once and
/// only its hash is stored; a workspace is created with a fresh callback secret on its first key.
public struct APIKeyIssuer: Sendable {
    public let store: any WorkspaceStore

    public init(store: any WorkspaceStore) {
        self.store = store
    }

    public struct Issued: Sendable {
        /// The key to hand to the client; it cannot be shown again.
        public var key: APIKey
        public var workspace: Workspace
    }

    public func createKey(workspace name: String, now: Date = Date()) async throws -> Issued {
        guard Self.isValidWorkspaceName(name) else { throw InvalidWorkspaceName(name: name) }
        let workspace = try await store.workspace(named: name, creatingWithSecret: APIKey.randomHex(bytes: 32))
        let key = APIKey.generate()
        try await store.insertKey(APIKeyRecord(id: key.id, workspace: name, keySHA256: key.sha256, createdAt: now))
        return Issued(key: key, workspace: workspace)
    }

    /// Letters, digits, `-`, `_` and `.`, 1 to 64 characters: safe in logs, URLs and Basic
    /// credentials (no `:`).
    public static func isValidWorkspaceName(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    public struct InvalidWorkspaceName: Error, CustomStringConvertible {
        public let name: String
        public var description: String { "invalid workspace name '\(name)': use 1-64 letters, digits, '-', '_' or '.'" }
    }
}
