import Foundation
import LivenessStore

/// Finds the workspace a request's credentials belong to. Each dialect turns a refusal into its
/// own error body; the reasons are kept apart only for the logs.
struct APIKeyAuthenticator: Sendable {
    let store: any WorkspaceStore

    enum Refusal: Error, CustomStringConvertible {
        case missing, malformed, unknown, revoked, workspaceMismatch

        var description: String {
            switch self {
            case .missing: "no API key"
            case .malformed: "the API key is not of the form lk_<id>_<secret>"
            case .unknown: "unknown API key"
            case .revoked: "the API key was revoked"
            case .workspaceMismatch: "the Basic user name is not the key's workspace"
            }
        }
    }

    /// The workspace of an `x-api-key` value.
    func workspace(apiKey: String?) async throws -> Workspace {
        guard let text = apiKey?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { throw Refusal.missing }
        guard let key = APIKey(text) else { throw Refusal.malformed }
        guard let (record, workspace) = try await store.key(id: key.id), key.matches(storedSHA256: record.keySHA256) else {
            throw Refusal.unknown
        }
        guard record.revokedAt == nil else { throw Refusal.revoked }
        return workspace
    }

    /// The workspace of an `Authorization: Basic base64(workspace:key)` header.
    func workspace(basicAuthorization header: String?) async throws -> Workspace {
        guard let header, header.count > 6, header.prefix(6).lowercased() == "basic " else { throw Refusal.missing }
        guard let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
              let credentials = String(data: decoded, encoding: .utf8), let colon = credentials.firstIndex(of: ":") else {
            throw Refusal.malformed
        }
        let workspace = try await workspace(apiKey: String(credentials[credentials.index(after: colon)...]))
        guard workspace.name == credentials[..<colon] else { throw Refusal.workspaceMismatch }
        return workspace
    }
}
