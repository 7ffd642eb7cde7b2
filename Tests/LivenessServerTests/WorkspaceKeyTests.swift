import Foundation
import Hummingbird
import HummingbirdTesting
import LivenessEngine
@testable import LivenessServer
import LivenessStore
import LivenessTestSupport
import Testing

/// API keys and workspaces: stored hashed, checked in constant time, revocable; the IDLive
/// dialect open by default and closed on request; `bi_report` per workspace.
@Suite(.enabled(if: SharedData.available, "needs ../shared (face source, YuNet model)"), .timeLimit(.minutes(1)))
struct WorkspaceKeyTests {
    @Test("a key is never stored: the database file holds its SHA-256, not the key or its secret")
    func storedHashed() async throws {
        let (configuration, store) = try DialectTest.setUp()
        let issued = try await DialectTest.issueKey(store)
        let stored = try #require(try await store.keys().first)
        #expect(stored.id == issued.key.id)
        #expect(stored.keySHA256 == issued.key.sha256)
        #expect(stored.keySHA256 != issued.key.secret)
        #expect(issued.key.matches(storedSHA256: stored.keySHA256))
        #expect(!APIKey.generate().matches(storedSHA256: stored.keySHA256))
        let path = configuration.databasePath
        var bytes = Data()
        for suffix in ["", "-wal"] { bytes += (try? Data(contentsOf: URL(fileURLWithPath: path + suffix))) ?? Data() }
        #expect(bytes.range(of: Data(issued.key.secret.utf8)) == nil)
        #expect(bytes.range(of: Data(issued.key.sha256.utf8)) != nil)
        #expect(APIKey(issued.key.description) == issued.key)
        #expect(APIKey("lk_short_secret") == nil)
        #expect(!APIKey.constantTimeEquals([1, 2, 3], [1, 2]) && APIKey.constantTimeEquals([1, 2], [1, 2]))
        #expect(try await store.revokeKey(id: issued.key.id, at: Date()))
        #expect(try await !store.revokeKey(id: issued.key.id, at: Date()), "already revoked")
        await #expect(throws: APIKeyIssuer.InvalidWorkspaceName.self) { _ = try await APIKeyIssuer(store: store).createKey(workspace: "a:b") }
    }

    @Test("IDLive Doc: open by default (a key sent is still checked and counts), closed with LIVENESS_IDLIVE_REQUIRE_KEY")
    func idLiveKeys() async throws {
        let body = TestServer.checkBody(image: TestServer.goodCard, pipelines: [["pipeline_name": "default-sr"]])
        for required in [false, true] {
            let (configuration, store) = try DialectTest.setUp { $0.dialects.idLiveRequiresKey = required }
            let issued = try await DialectTest.issueKey(store)
            let app = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines(), store: store)
            try await app.test(.router) { client in
                try await client.execute(uri: "/check_liveness", method: .post, headers: TestServer.jsonHeaders, body: body) { response in
                    #expect(response.status == (required ? .unauthorized : .ok))
                    if required {
                        #expect(response.object["code"] as? String == "UNAUTHORIZED")
                        #expect(response.object["field"] as? String == "x-api-key")
                    }
                }
                try await client.execute(uri: "/check_liveness", method: .post, headers: DialectTest.headers(key: issued.key), body: body) { response in
                    #expect(response.status == .ok)
                    let id = try #require(response.headers[.init("X-Transaction-Id")!])
                    #expect(try await store.transaction(id: id)?.workspace == "acme")
                }
                try await client.execute(uri: "/check_liveness", method: .post, headers: DialectTest.headers(key: APIKey.generate()), body: body) { response in
                    #expect(response.status == .unauthorized)
                }
            }
        }
    }

    @Test("bi_report counts one workspace with ?workspace=; a required key sees only its own")
    func reportPerWorkspace() async throws {
        let (configuration, store) = try DialectTest.setUp { $0.dialects.idLiveRequiresKey = true }
        let acme = try await DialectTest.issueKey(store, workspace: "acme")
        let globex = try await DialectTest.issueKey(store, workspace: "globex")
        let app = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines(), store: store)
        let today = Day(Date()).description
        let body = TestServer.checkBody(image: TestServer.goodCard, pipelines: [])
        try await app.test(.router) { client in
            for key in [acme.key, acme.key, globex.key] {
                try await client.execute(uri: "/check_liveness", method: .post, headers: DialectTest.headers(key: key), body: body) { _ in }
            }
            let report = "/bi_report?date_from=\(today)&date_to=\(today)"
            try await client.execute(uri: report, method: .get, headers: DialectTest.headers(key: acme.key)) { response in
                #expect(response.object["total"] as? Int == 2)
            }
            try await client.execute(uri: report + "&workspace=acme", method: .get, headers: DialectTest.headers(key: globex.key)) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: report, method: .get) { response in
                #expect(response.status == .unauthorized)
            }
        }
        let open = try buildApplication(configuration: TestServer.configuration(), implementedPipelines: TestServer.pipelines(), store: store)
        try await open.test(.router) { client in
            for (query, total) in [("", 3), ("&workspace=globex", 1), ("&workspace=nobody", 0)] {
                try await client.execute(uri: "/bi_report?date_from=\(today)&date_to=\(today)\(query)", method: .get) { response in
                    #expect(response.object["total"] as? Int == total, "\(query)")
                }
            }
        }
    }
}
