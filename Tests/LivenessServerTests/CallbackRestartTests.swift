import Foundation
@testable import LivenessServer
import LivenessStore
import LivenessTestSupport
import Testing

/// Durable callbacks across a crash: the real `liveness` executable accepts an asynchronous
/// request, is killed with SIGKILL before it delivers, and once restarted delivers exactly one
/// signed callback. The first process is told to hold accepted jobs for an hour
/// (`LIVENESS_ASYNC_DELAY_MS`), so the kill always lands before delivery without any timing.
@Suite(.enabled(if: SharedData.available && ServerProcess.executable != nil, "needs ../shared and the built liveness executable"),
       .timeLimit(.minutes(1)))
struct CallbackRestartTests {
    @Test("SIGKILL after 201, restart: exactly one signed callback; keys made with `liveness keys create`")
    func survivesKill() async throws {
        let database = TestServer.temporaryDatabase()
        let created = try ServerProcess.run(["keys", "create", "--workspace", "acme", "--database", database])
        #expect(created.status == 0, "\(created.output)")
        let fields = Dictionary(created.output.split(separator: "\n").compactMap { line -> (String, String)? in
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            return parts.count >= 2 ? (parts.dropLast().joined(separator: " "), String(parts.last!)) : nil
        }) { first, _ in first }
        let key = try #require(fields["api key"]), secret = try #require(fields["callback secret"])
        let listed = try ServerProcess.run(["keys", "list", "--database", database])
        #expect(listed.output.contains(try #require(fields["key id"])) && !listed.output.contains(key))
        // A second key, revoked with the CLI: the server refuses it.
        let other = try ServerProcess.run(["keys", "create", "--workspace", "acme", "--database", database]).output
        let revokedKey = try #require(other.split(separator: "\n").first { $0.hasPrefix("api key") }?.split(separator: " ").last.map(String.init))
        #expect(try ServerProcess.run(["keys", "revoke", revokedKey, "--database", database]).status == 0)
        #expect(try ServerProcess.run(["keys", "revoke", revokedKey, "--database", database]).status == 2, "already revoked")

        let receiver = CallbackReceiver()
        try await receiver.serve { base in
            var environment = [
                "LIVENESS_DATABASE": database, "LIVENESS_HOST": "127.0.0.1", "LIVENESS_PORT": "0", "LIVENESS_WORKERS": "1",
                "LIVENESS_MODEL_DIR": SharedData.models, "LIVENESS_OUTBOUND_ALLOW": "127.0.0.0/8", "LIVENESS_LOG_LEVEL": "info",
                "LIVENESS_ASYNC_DELAY_MS": "3600000",
            ]
            let first = ServerProcess()
            let port = try await first.start(environment: environment)
            let body: [String: Any] = ["idImage": Data(TestServer.goodCard).base64EncodedString(),
                                       "pipelines": ["sr": false, "pc": false, "ps": false], "callbackUrl": base + "/callback"]
            let (status, accepted) = try await ServerProcess.post("http://127.0.0.1:\(port)/modules/document", json: body, headers: ["x-api-key": key])
            #expect(status == 201, "\(accepted)")
            let id = try #require(accepted["transactionId"] as? String)
            await first.kill(SIGKILL)
            #expect(first.process.terminationReason == .uncaughtSignal)

            // The job was in the store before the 201, with its photo, not yet run.
            let store = try SQLiteTransactionStore(path: database)
            let queued = try #require(try await store.job(id: id))
            #expect(queued.state == .queued && queued.image == TestServer.goodCard)
            #expect(receiver.deliveries.isEmpty)

            environment["LIVENESS_ASYNC_DELAY_MS"] = "0"
            let second = ServerProcess()
            let port2 = try await second.start(environment: environment)
            let delivery = try #require(await receiver.waitForDeliveries(1).first)
            let (refused, _) = try await ServerProcess.post("http://127.0.0.1:\(port2)/modules/document", json: body, headers: ["x-api-key": revokedKey])
            #expect(refused == 401)
            #expect(DialectTest.verify(delivery, secret: secret))
            #expect(delivery.json["transactionId"] as? String == id)
            #expect(delivery.json["apiType"] as? String == "id_live_doc")
            #expect((delivery.json["result"] as? [String: Any])?.isEmpty == true)
            _ = try await eventually { try await store.job(id: id).flatMap { $0.state == .delivered ? $0 : nil } }
            await second.kill(SIGTERM)
            #expect(second.process.terminationStatus == 0, "\(second.log)")
            let delivered = try #require(try await store.job(id: id))
            #expect(delivered.attempts == 1 && delivered.image == nil)
        }
        // Both processes are gone: nothing more can arrive.
        #expect(receiver.deliveries.count == 1)
    }
}
