import Foundation
import Hummingbird
import HummingbirdTesting
import LivenessEngine
@testable import LivenessServer
import LivenessStore
import LivenessTestSupport
import Logging
import Testing

/// The bounded worker pool, over real sockets, and the background services.
@Suite(.enabled(if: SharedData.available, "needs ../shared (face source, YuNet model)"))
struct ConcurrencyTests {
    @Test("under overload the server answers 408 at once instead of queueing; the rest succeed")
    func overloadAnswers408() async throws {
        let app = try buildApplication(configuration: TestServer.configuration(workers: 1, queueLimit: 1),
                                       implementedPipelines: TestServer.pipelines())
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let body = TestServer.checkBody(image: TestServer.goodCard, pipelines: [["pipeline_name": "default-sr"]])
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await TestClient.withClient(host: "127.0.0.1", port: port) { connection in
                            let response = try await connection.post("/check_liveness", headers: TestServer.jsonHeaders, body: body)
                            return Int(response.status.code)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.count == 8)
            #expect(statuses.contains(200))
            #expect(statuses.contains(408))
            #expect(Set(statuses).isSubset(of: [200, 408]), "\(statuses)")
            // Once the burst is over the server takes work again.
            try await client.execute(uri: "/check_liveness", method: .post, headers: TestServer.jsonHeaders, body: body) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("two workers answer concurrent checks, each with its own engine")
    func concurrentChecks() async throws {
        let app = try buildApplication(configuration: TestServer.configuration(workers: 2, queueLimit: 8),
                                       implementedPipelines: TestServer.pipelines())
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let images = [TestServer.goodCard, TestServer.cardWithoutPortrait]
            let answers = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for index in 0..<6 {
                    group.addTask {
                        let body = TestServer.checkBody(image: images[index % 2], pipelines: [["pipeline_name": "xenops-ps"]])
                        return try await TestClient.withClient(host: "127.0.0.1", port: port) { connection in
                            let response = try await connection.post("/check_liveness", headers: TestServer.jsonHeaders, body: body)
                            let json = try JSONSerialization.jsonObject(with: Data(response.body!.readableBytesView)) as? [String: Any]
                            let result = (json?["pipeline_results"] as? [[String: Any]])?.first?["result"] as? [String: Any]
                            return (index, result?["status_code"] as? String)
                        }
                    }
                }
                return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            for index in 0..<6 {
                #expect(answers[index] == (index % 2 == 0 ? "OK" : "DOCUMENT_PHOTO_NOT_FOUND"), "request \(index)")
            }
        }
    }

    @Test("drain lets queued checks finish, then refuses new ones")
    func drainFinishesQueuedWork() async throws {
        let analyzer = try DocumentAnalyzer(configuration: .init(modelDirectory: SharedData.models))
        let checker = try LivenessChecker(analyzer: analyzer, registry: PipelineRegistry(implemented: []))
        let pool = EngineWorkerPool(checkers: [checker], queueLimit: 4)
        let image = TestServer.goodCard
        async let first = pool.submit(image, request: LivenessRequest(pipelines: []))
        async let second = pool.submit(image, request: LivenessRequest(pipelines: []))
        try await Task.sleep(for: .milliseconds(20))
        await pool.drain()
        let results = try await [first, second]
        #expect(results.allSatisfy { $0.result.report.documents.count == 1 })
        await #expect(throws: EngineStopped.self) { _ = try await pool.submit(image, request: LivenessRequest(pipelines: [])) }
    }

    @Test("the retention service deletes transactions older than its period, by an injected clock")
    func retention() async throws {
        let store = try SQLiteTransactionStore(path: TestServer.temporaryDatabase())
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        for (id, age) in [("old", 91.0), ("recent", 89.0)] {
            try await store.record(TransactionRecord(
                id: id, createdAt: now.addingTimeInterval(-age * 86_400), endpoint: "/check_liveness", results: [],
                validationStatus: "OK", warnings: [], documentFormat: "ID1", latencyMilliseconds: 50, imageSHA256: "00",
                engineVersion: EngineVersion.current, modelVersions: [:]))
        }
        let service = RetentionService(store: store, days: 90, interval: .seconds(3600), logger: Logger(label: "test"), now: { now })
        await service.sweep()
        #expect(try await store.transaction(id: "old") == nil)
        #expect(try await store.transaction(id: "recent") != nil)
    }
}

extension EngineWorkerPool {
    /// Reserves a place and runs one check in it (what `CheckService` does around its parsing).
    func submit(_ bytes: [UInt8], request: LivenessRequest) async throws -> Timed<LivenessCheckResult> {
        try await withReservation { try await submit(bytes, request: request, in: $0) }
    }
}
