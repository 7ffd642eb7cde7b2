import Foundation
import Hummingbird
import HummingbirdTesting
import LivenessEngine
@testable import LivenessServer
import LivenessStore
import LivenessTestSupport
import Testing

/// Argos `callbackUrl`: 201 at once, the job in the outbox before that, the synchronous answer
/// POSTed (signed) to a real local receiver, retried with backoff, bounded.
@Suite(.enabled(if: SharedData.available, "needs ../shared (face source, YuNet model)"), .timeLimit(.minutes(1)))
struct AsyncCallbackTests {
    /// Short backoff so retries come quickly; loopback allowed for the local receiver.
    static func setUp(maxAttempts: Int = 8) throws -> (ServerConfiguration, SQLiteTransactionStore) {
        try DialectTest.setUp {
            $0.outbound.allowed = DialectTest.loopback
            $0.callbacks.backoff = .milliseconds(20)
            $0.callbacks.maxAttempts = maxAttempts
        }
    }

    @Test("201 with transactionId, engineVersion, message; the callback carries the synchronous 200's JSON, signed; the photo is deleted")
    func acceptedThenDelivered() async throws {
        let (configuration, store) = try Self.setUp()
        let issued = try await DialectTest.issueKey(store)
        let receiver = CallbackReceiver()
        try await receiver.serve { base in
            let app = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines(), store: store)
            try await app.test(.router) { client in
                let id = try await client.execute(uri: "/modules/document", method: .post, headers: DialectTest.headers(key: issued.key),
                                                  body: DialectTest.argosBody(extra: ["callbackUrl": base + "/callback"])) { response in
                    #expect(response.status == .created)
                    let json = try response.json
                    #expect(Set(json.keys) == ["transactionId", "engineVersion", "message"])
                    #expect(json["engineVersion"] as? String == "liveness@\(EngineVersion.current)")
                    #expect(json["message"] as? String == "request has been successfully received. The response will be sent to your callback URL")
                    return try #require(json["transactionId"] as? String)
                }
                let delivery = try #require(await receiver.waitForDeliveries(1).first)
                #expect(DialectTest.verify(delivery, secret: issued.workspace.callbackSecret))
                #expect(!DialectTest.verify(delivery, secret: String(repeating: "0", count: 64)))
                #expect(delivery.headers[.init("X-Liveness-Transaction-Id")!] == id)
                #expect(delivery.headers[.contentType] == "application/json")
                let json = delivery.json
                #expect(json["apiType"] as? String == "id_live_doc")
                #expect(json["transactionId"] as? String == id)
                #expect(json["result"] as? [String: [String: Int]] == ["screenReplay": ["liveness_score": 88], "paperPrinted": ["liveness_score": 38],
                                                                     "replacePortraits": ["liveness_score": 82]])
                let job = try #require(try await store.job(id: id))
                #expect(job.image == nil, "the photo is kept only until the check has run")
                #expect(job.state == .delivered || job.state == .delivering)
                #expect(try await store.transaction(id: id)?.workspace == "acme")
            }
        }
    }

    @Test("the receiver fails twice, then succeeds: three signed attempts with the same body, then delivered")
    func retriedWithBackoff() async throws {
        let (configuration, store) = try Self.setUp()
        let issued = try await DialectTest.issueKey(store)
        let receiver = CallbackReceiver(statuses: [.internalServerError, .serviceUnavailable])
        try await receiver.serve { base in
            let app = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines(), store: store)
            try await app.test(.router) { client in
                let id = try await client.execute(uri: "/modules/document", method: .post, headers: DialectTest.headers(key: issued.key),
                                                  body: DialectTest.argosBody(extra: ["callbackUrl": base + "/callback"])) { response in
                    try #require(try response.json["transactionId"] as? String)
                }
                let deliveries = await receiver.waitForDeliveries(3)
                #expect(deliveries.map { $0.headers[.init("X-Liveness-Delivery-Attempt")!] } == ["1", "2", "3"])
                #expect(deliveries.allSatisfy { DialectTest.verify($0, secret: issued.workspace.callbackSecret) })
                #expect(Set(deliveries.map(\.body)).count == 1)
                let job = try await eventually { try await store.job(id: id).flatMap { $0.state == .delivered ? $0 : nil } }
                #expect(job.attempts == 3)
                #expect(job.lastError == nil)
            }
        }
        #expect(receiver.deliveries.count == 3)
    }

    @Test("after the last allowed attempt the job is marked failed, logged and counted")
    func boundedAttempts() async throws {
        let (configuration, store) = try Self.setUp(maxAttempts: 2)
        let issued = try await DialectTest.issueKey(store)
        let receiver = CallbackReceiver(statuses: Array(repeating: .internalServerError, count: 10))
        try await receiver.serve { base in
            let app = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines(), store: store)
            try await app.test(.router) { client in
                let id = try await client.execute(uri: "/modules/document", method: .post, headers: DialectTest.headers(key: issued.key),
                                                  body: DialectTest.argosBody(extra: ["callbackUrl": base + "/callback"])) { response in
                    try #require(try response.json["transactionId"] as? String)
                }
                let job = try await eventually { try await store.job(id: id).flatMap { $0.state == .failed ? $0 : nil } }
                #expect(job.attempts == 2)
                #expect(job.lastError == "the callback URL answered HTTP 500")
                let metrics = try await client.execute(uri: "/metrics", method: .get) { String(buffer: $0.body) }
                #expect(metrics.contains(#"liveness_callbacks_total{outcome="failed"} 1"#))
                #expect(metrics.contains(#"liveness_callbacks_total{outcome="retry"} 1"#))
            }
        }
        #expect(receiver.deliveries.count == 2)
    }

    @Test("a callback URL that the outbound policy refuses, or a photo that is no image, is answered 1003 at once; nothing is queued")
    func refusedCallbackURL() async throws {
        let (configuration, store) = try DialectTest.setUp()
        let issued = try await DialectTest.issueKey(store)
        let app = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines(), store: store)
        try await app.test(.router) { client in
            try await client.execute(uri: "/modules/document", method: .post, headers: DialectTest.headers(key: issued.key),
                                     body: DialectTest.argosBody(image: Array("GIF89a not ours".utf8),
                                                                 extra: ["callbackUrl": "https://example.com/callback"])) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorObject["message"] as? String
                    == "Fail to process data: idImage: not an image in a supported format (JPEG, PNG, WebP, BMP, TIFF)")
                let id = try #require(response.errorObject["transactionId"] as? String)
                #expect(try await store.job(id: id) == nil)
            }
            try await client.execute(uri: "/modules/document", method: .post, headers: DialectTest.headers(key: issued.key),
                                     body: DialectTest.argosBody(extra: ["callbackUrl": "http://169.254.169.254/latest/meta-data"])) { response in
                #expect(response.status == .badRequest)
                let error = try response.argosError
                #expect(error["errorCode"] as? String == "1003")
                #expect(error["message"] as? String == "Fail to process data: callbackUrl: refusing to connect to 169.254.169.254: "
                    + "cloud metadata service address; LIVENESS_OUTBOUND_ALLOW can permit it")
                let id = try #require(error["transactionId"] as? String)
                #expect(try await store.job(id: id) == nil)
            }
        }
    }
}

/// Polls `probe` until it returns a value: for state the server reaches after a callback the
/// receiver has already seen (its store update follows the receiver's answer). Bounded by the
/// suite's time limit; no duration is asserted.
func eventually<T>(_ probe: () async throws -> T?) async throws -> T {
    while true {
        if let value = try await probe() { return value }
        try await Task.sleep(for: .milliseconds(10))
    }
}
