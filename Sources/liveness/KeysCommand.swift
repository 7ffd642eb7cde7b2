import ArgumentParser
import Foundation
import LivenessServer
import LivenessStore

/// `liveness keys create|list|revoke`: API keys and workspaces, in the SQLite file the server uses
/// (`--database`, else `$LIVENESS_DATABASE`, else `liveness.sqlite`, as `liveness serve`).
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage API keys and workspaces.",
        subcommands: [Create.self, List.self, Revoke.self])

    struct DatabaseOption: ParsableArguments {
        @Option(help: "SQLite database file ($LIVENESS_DATABASE, default liveness.sqlite).") var database: String?

        func open() throws -> SQLiteTransactionStore {
            // The server's own default and environment variable, so both open the same file.
            try SQLiteTransactionStore(path: database ?? ServerConfiguration(environment: ProcessInfo.processInfo.environment).databasePath)
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API key (and its workspace on first use). The key is shown once and only its hash is stored.")
        @Option(help: "Workspace name: letters, digits, '-', '_', '.'.") var workspace: String
        @OptionGroup var options: DatabaseOption

        func run() async throws {
            let issued: APIKeyIssuer.Issued
            do {
                issued = try await APIKeyIssuer(store: options.open()).createKey(workspace: workspace)
            } catch let error as APIKeyIssuer.InvalidWorkspaceName {
                throw CLIFailure.badInput(error.description)
            }
            print("""
                workspace        \(issued.workspace.name)
                key id           \(issued.key.id)
                api key          \(issued.key)
                callback secret  \(issued.workspace.callbackSecret)

                The API key is shown only now: store it. Send it as `x-api-key` (Argos, IDLive Doc) or as
                Basic credentials \(issued.workspace.name):<api key> (/api/v1/document/liveness). The callback
                secret verifies X-Liveness-Signature on this workspace's callbacks.
                """)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List API keys (ids and workspaces, never the keys).")
        @OptionGroup var options: DatabaseOption

        func run() async throws {
            let keys = try await options.open().keys()
            let formatter = ISO8601DateFormatter()
            print("key id        workspace                         created               revoked")
            for key in keys {
                let workspace = key.workspace.padding(toLength: max(32, key.workspace.count), withPad: " ", startingAt: 0)
                print("\(key.id)  \(workspace)  \(formatter.string(from: key.createdAt))  \(key.revokedAt.map(formatter.string(from:)) ?? "-")")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke an API key by its id (the server refuses it from its next request).")
        @Argument(help: "The key id (from `keys list`), or the whole key.") var key: String
        @OptionGroup var options: DatabaseOption

        func run() async throws {
            let id = APIKey(key)?.id ?? key
            guard try await options.open().revokeKey(id: id, at: Date()) else {
                throw CLIFailure.badInput("no active key with id '\(id)'")
            }
            print("revoked \(id)")
        }
    }
}
