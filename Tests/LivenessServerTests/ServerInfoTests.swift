import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import LivenessEngine
@testable import LivenessServer
import LivenessStore
import LivenessTestSupport
import Testing

/// `/api_version`, `/license_info`, `/bi_report`, `/metrics`, `/health`, `/ready`, and what the store keeps.
@Suite(.enabled(if: SharedData.available, "needs ../shared (face source, YuNet model)"))
struct ServerInfoTests {
    @Test("api_version and license_info list only the available pipelines (the vendor's environment variable)")
    func availablePipelines() async throws {
        var configuration = TestServer.configuration()
        configuration = try ServerConfiguration(environment: ["IDLIVEDOC_SERVER_AVAILABLE_PIPELINES": "vulture-sr, printed-copy"])
            .with(testDefaults: configuration)
        let app = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api_version", method: .get) { response in
                let json = try response.json
                #expect(json["version"] as? String == EngineVersion.current)
                #expect(json["availablePipelines"] as? [String] == ["screen-replay", "default-sr", "vulture-sr",
                                                                    "printed-copy", "default-pc", "woodpecker-pc", "robin-pc"])
                #expect(json["pipelineAliases"] as? [String: String] == ["default-sr": "screen-replay", "vulture-sr": "screen-replay",
                    "default-pc": "printed-copy", "woodpecker-pc": "printed-copy", "robin-pc": "printed-copy"])
                #expect((json["models"] as? [String: String])?["face-detector"] == "yunet-2022mar")
                let expirations = try #require(json["expirationDates"] as? [String: Any])
                #expect(Set(expirations.keys) == ["screen-replay", "printed-copy"])
                #expect(expirations.values.allSatisfy { $0 is NSNull })
            }
            try await client.execute(uri: "/license_info", method: .get) { response in
                let entries = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]])
                #expect(entries.map { $0["pipelineName"] as? String } == ["screen-replay", "printed-copy"])
                #expect(entries.map { $0["attackType"] as? String } == ["SCREEN_REPLAY", "PRINTED_COPY"])
                #expect(entries.allSatisfy { $0["expirationDate"] is NSNull })
            }
            let body = TestServer.checkBody(image: TestServer.goodCard, pipelines: [["pipeline_name": "xenops-ps"]])
            try await client.execute(uri: "/check_liveness", method: .post, headers: TestServer.jsonHeaders, body: body) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test("an unknown name in the available list stops the server from starting")
    func unknownAvailableName() throws {
        var configuration = TestServer.configuration()
        configuration.availablePipelines = ["vulture-sr", "condor-xx"]
        #expect(throws: PipelineRegistryError.self) {
            _ = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines())
        }
    }

    @Test("each check is stored with its results and the image's SHA-256, never the image; bi_report counts them")
    func storeAndReport() async throws {
        let configuration = TestServer.configuration()
        let store = try SQLiteTransactionStore(path: configuration.databasePath)
        let app = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines(), store: store)
        let today = Day(Date()).description
        try await app.test(.router) { client in
            let scored = TestServer.checkBody(image: TestServer.goodCard, pipelines: [["pipeline_name": "default-sr"], ["pipeline_name": "default-pc"]])
            let id = try await client.execute(uri: "/check_liveness", method: .post, headers: TestServer.jsonHeaders, body: scored) { response in
                try #require(response.headers[.init("X-Transaction-Id")!])
            }
            let noPortrait = TestServer.checkBody(image: TestServer.cardWithoutPortrait, pipelines: [["pipeline_name": "xenops-ps"]])
            try await client.execute(uri: "/check_liveness", method: .post, headers: TestServer.jsonHeaders, body: noPortrait) { _ in }
            try await client.execute(uri: "/check_liveness", method: .post, headers: TestServer.jsonHeaders,
                                     body: TestServer.checkBody(image: TestServer.goodCard, pipelines: [])) { _ in }

            let record = try #require(try await store.transaction(id: id))
            #expect(record.endpoint == "/check_liveness")
            #expect(record.imageSHA256 == SHA256.hash(data: TestServer.goodCard).map { String(format: "%02x", $0) }.joined())
            #expect(record.results.map(\.pipeline) == ["screen-replay", "printed-copy"])
            #expect(record.results.map(\.status) == ["OK", "OK"])
            #expect(record.documentFormat == "ID1")
            #expect(record.engineVersion == EngineVersion.current)
            let database = try Data(contentsOf: URL(fileURLWithPath: configuration.databasePath))
            #expect(database.count < TestServer.goodCard.count, "the database is smaller than one image: no image is stored")

            try await client.execute(uri: "/bi_report?date_from=\(today)&date_to=\(today)", method: .get) { response in
                let json = try response.json
                #expect(json["total"] as? Int == 3)
                // Scores 2 and -0.5 at REGULAR: probabilities 0.88 and 0.38.
                #expect(json["screen-replay_ID1_probability_0.8-0.9"] as? Int == 1)
                #expect(json["printed-copy_ID1_probability_0.3-0.4"] as? Int == 1)
                #expect(json["portrait-substitution_ID1_DOCUMENT_PHOTO_NOT_FOUND"] as? Int == 1)
                #expect(json["validation_ID1_OK"] as? Int == 1)
            }
            try await client.execute(uri: "/bi_report?date_from=2000-01-01&date_to=2000-12-31", method: .get) { response in
                #expect(response["total"] as? Int == 0)
            }
        }
    }

    @Test("bi_report refuses missing, malformed and reversed dates", arguments: [
        ("/bi_report?date_to=2026-01-01", "date_from"),
        ("/bi_report?date_from=2026-01-01", "date_to"),
        ("/bi_report?date_from=01/02/2026&date_to=2026-03-01", "date_from"),
        ("/bi_report?date_from=2026-02-30&date_to=2026-03-01", "date_from"),
        ("/bi_report?date_from=2026-03-02&date_to=2026-03-01", "date_to"),
    ])
    func badDates(uri: String, field: String) async throws {
        let app = try buildApplication(configuration: TestServer.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response["field"] as? String == field)
            }
        }
    }

    @Test("metrics count requests per endpoint and status, time engine stages and count pipeline outcomes")
    func metrics() async throws {
        let app = try buildApplication(configuration: TestServer.configuration(), implementedPipelines: TestServer.pipelines())
        try await app.test(.router) { client in
            let body = TestServer.checkBody(image: TestServer.goodCard, pipelines: [["pipeline_name": "default-sr"], ["pipeline_name": "default-pc"]])
            try await client.execute(uri: "/check_liveness", method: .post, headers: TestServer.jsonHeaders, body: body) { _ in }
            try await client.execute(uri: "/check_liveness", method: .post, headers: TestServer.jsonHeaders, body: ByteBuffer(string: "{")) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains(#"liveness_http_requests_total{endpoint="/check_liveness",method="POST",status="200"} 1"#))
                #expect(text.contains(#"liveness_http_requests_total{endpoint="/check_liveness",method="POST",status="400"} 1"#))
                #expect(text.contains(#"liveness_engine_stage_seconds_count{stage="locate"} 1"#))
                #expect(text.contains(#"liveness_pipeline_outcomes_total{pipeline="screen-replay",outcome="live"} 1"#))
                #expect(text.contains(#"liveness_pipeline_outcomes_total{pipeline="printed-copy",outcome="attack"} 1"#))
                #expect(text.contains("liveness_engine_queue_depth 0"))
            }
        }
    }

    @Test("health and readiness")
    func health() async throws {
        let app = try buildApplication(configuration: TestServer.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in #expect(response["status"] as? String == "UP") }
            try await client.execute(uri: "/ready", method: .get) { response in #expect(response["status"] as? String == "READY") }
        }
    }
}

extension ServerConfiguration {
    /// This configuration with the test's port, database and model directory.
    func with(testDefaults: ServerConfiguration) -> ServerConfiguration {
        var copy = self
        copy.host = testDefaults.host
        copy.port = testDefaults.port
        copy.workers = testDefaults.workers
        copy.databasePath = testDefaults.databasePath
        copy.modelDirectory = testDefaults.modelDirectory
        copy.logLevel = testDefaults.logLevel
        return copy
    }
}
