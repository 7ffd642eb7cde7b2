import Foundation
import Hummingbird
import HummingbirdTesting
import LivenessEngine
@testable import LivenessServer
import LivenessStore
import LivenessTestSupport
import Testing

/// `POST /modules/document` (../shared/seeds/argos-id-liveness-api.md) against the real app,
/// engine and SQLite store: every field, error code and status the seed documents.
@Suite(.enabled(if: SharedData.available, "needs ../shared (face source, YuNet model)"), .timeLimit(.minutes(1)))
struct ArgosTests {
    @Test("the seed's example, synchronous: 200 with apiType, transactionId, engineVersion and a 0-100 score per pipeline")
    func seedExample() async throws {
        let (configuration, store) = try DialectTest.setUp()
        let issued = try await DialectTest.issueKey(store)
        let app = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines(), store: store)
        try await app.test(.router) { client in
            try await client.execute(uri: "/modules/document", method: .post, headers: DialectTest.headers(key: issued.key),
                                     body: DialectTest.argosBody(extra: ["useUpcomingVersion": "False"])) { response in
                #expect(response.status == .ok)
                let json = try response.json
                #expect(Set(json.keys) == ["apiType", "transactionId", "engineVersion", "result"])
                #expect(json["apiType"] as? String == "id_live_doc")
                #expect(json["engineVersion"] as? String == "liveness@\(EngineVersion.current)")
                let id = try #require(json["transactionId"] as? String)
                #expect(id == response.headers[.init("X-Transaction-Id")!])
                let result = try #require(json["result"] as? [String: [String: Int]])
                // round(100 x REGULAR probability) of the stand-ins' raw scores 2, -0.5, 1.5.
                #expect(result == ["screenReplay": ["liveness_score": 88], "paperPrinted": ["liveness_score": 38],
                                   "replacePortraits": ["liveness_score": 82]])
                #expect([2.0, -0.5, 1.5].map { Int((100 * DialectTest.probability($0)).rounded()) } == [88, 38, 82])
                let record = try #require(try await store.transaction(id: id))
                #expect(record.workspace == "acme")
                #expect(record.endpoint == "/modules/document")
            }
            // Only the pipelines asked for are answered; a data: URL prefix is tolerated.
            var object: [String: Any] = ["idImage": "data:image/jpeg;base64," + Data(TestServer.goodCard).base64EncodedString(),
                                         "pipelines": ["sr": false, "pc": true, "ps": false]]
            object["callbackUrl"] = NSNull()
            try await client.execute(uri: "/modules/document", method: .post, headers: DialectTest.headers(key: issued.key),
                                     body: DialectTest.json(object)) { response in
                #expect(response.status == .ok)
                #expect(response.object["result"] as? [String: [String: Int]] == ["paperPrinted": ["liveness_score": 38]])
            }
        }
    }

    @Test("1001: no key, a malformed, unknown or revoked key -> 401 with transactionId, errorCode, message only")
    func workspaceUnavailable() async throws {
        let (configuration, store) = try DialectTest.setUp()
        let issued = try await DialectTest.issueKey(store)
        let revoked = try await DialectTest.issueKey(store)
        #expect(try await store.revokeKey(id: revoked.key.id, at: Date()))
        let app = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines(), store: store)
        let forged = "lk_\(issued.key.id)_" + String(repeating: "0", count: 64)
        try await app.test(.router) { client in
            for key in [nil, "not-a-key", forged, APIKey.generate().description, revoked.key.description] as [String?] {
                var headers: HTTPFields = [.contentType: "application/json"]
                if let key { headers[.init("x-api-key")!] = key }
                try await client.execute(uri: "/modules/document", method: .post, headers: headers, body: DialectTest.argosBody()) { response in
                    #expect(response.status == .unauthorized, "\(key ?? "no key")")
                    let error = try response.argosError
                    #expect(Set(error.keys) == ["transactionId", "errorCode", "message"])
                    #expect(error["errorCode"] as? String == "1001")
                    #expect(error["message"] as? String == "Workspace is unavailable")
                    #expect(error["transactionId"] as? String == response.headers[.init("X-Transaction-Id")!])
                }
            }
        }
    }

    @Test("1003, 1005, 1007, 1008, 1009: 400 with statusCode, apiType, transactionId, engineVersion, errorCode, message")
    func requestErrors() async throws {
        let (configuration, store) = try DialectTest.setUp()
        let issued = try await DialectTest.issueKey(store)
        let app = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines(), store: store)
        let image = Data(TestServer.goodCard).base64EncodedString()
        let blank = try SceneBuilder.jpeg(SceneBuilder.background(.wood, width: 1280, height: 800))
        let cases: [(body: ByteBuffer, code: String, message: String)] = [
            (ByteBuffer(string: "{not json"), "1003", "Fail to process data: the body must be a JSON object"),
            (ByteBuffer(string: "[1, 2]"), "1003", "Fail to process data: the body must be a JSON object"),
            (DialectTest.json(["pipelines": ["sr": true, "pc": true, "ps": true]]), "1005", "idImage is required"),
            (DialectTest.json(["idImage": NSNull(), "pipelines": ["sr": true, "pc": true, "ps": true]]), "1005", "idImage is required"),
            (DialectTest.json(["idImage": "", "pipelines": ["sr": true, "pc": true, "ps": true]]), "1005", "idImage is required"),
            (DialectTest.json(["idImage": 42, "pipelines": ["sr": true, "pc": true, "ps": true]]), "1003", "Fail to process data: idImage must be a base64 string"),
            (DialectTest.json(["idImage": image]), "1007", "pipelines is required"),
            (DialectTest.json(["idImage": image, "pipelines": NSNull()]), "1007", "pipelines is required"),
            (DialectTest.json(["idImage": image, "pipelines": ["sr", "pc"]]), "1008",
             "invalid pipelines format: pipelines must be an object {\"sr\": bool, \"pc\": bool, \"ps\": bool}"),
            (DialectTest.json(["idImage": image, "pipelines": ["sr": true, "pc": true]]), "1008",
             "invalid pipelines format: pipelines.ps is missing; sr, pc and ps are all required"),
            (DialectTest.argosBody(sr: 1), "1008", "invalid pipelines format: pipelines.sr must be true or false"),
            (DialectTest.argosBody(pc: "true"), "1008", "invalid pipelines format: pipelines.pc must be true or false"),
            (DialectTest.json(["idImage": image, "pipelines": ["sr": true, "pc": true, "ps": true, "xx": true]]), "1008",
             "invalid pipelines format: unknown pipeline 'xx'; expected sr, pc and ps"),
            (DialectTest.argosBody(extra: ["useUpcomingVersion": 3]), "1003", "Fail to process data: useUpcomingVersion must be a boolean"),
            (DialectTest.json(["idImage": "%%%%", "pipelines": ["sr": true, "pc": true, "ps": true]]), "1003",
             "Fail to process data: idImage is not valid base64"),
            (DialectTest.argosBody(image: Array("not an image".utf8)), "1003",
             "Fail to process data: idImage: not an image in a supported format (JPEG, PNG, WebP, BMP, TIFF)"),
            (DialectTest.argosBody(image: blank), "1009", "Fail to analyze document: DOCUMENT_NOT_FOUND"),
            (DialectTest.argosBody(image: blank, sr: false, pc: false, ps: false), "1009", "Fail to analyze document: DOCUMENT_NOT_FOUND"),
            (DialectTest.argosBody(image: TestServer.cardWithoutPortrait), "1009", "Fail to analyze document: DOCUMENT_PHOTO_NOT_FOUND"),
            (DialectTest.argosBody(extra: ["callbackUrl": ""]), "1010", "callbackUrl is required: callbackUrl is empty"),
            (DialectTest.argosBody(extra: ["callbackUrl": 7]), "1003", "Fail to process data: callbackUrl must be a string (an http or https URL)"),
            (DialectTest.argosBody(extra: ["callbackUrl": "ftp://example.com/x"]), "1003",
             "Fail to process data: callbackUrl: 'ftp://example.com/x' is not an absolute http(s) URL"),
        ]
        try await app.test(.router) { client in
            for (body, code, message) in cases {
                try await client.execute(uri: "/modules/document", method: .post, headers: DialectTest.headers(key: issued.key), body: body) { response in
                    #expect(response.status == .badRequest, "\(message)")
                    let error = try response.argosError
                    #expect(Set(error.keys) == ["statusCode", "apiType", "transactionId", "engineVersion", "errorCode", "message"])
                    #expect(error["statusCode"] as? Int == 400)
                    #expect(error["apiType"] as? String == "id_live_doc")
                    #expect(error["engineVersion"] as? String == "liveness@\(EngineVersion.current)")
                    #expect(error["transactionId"] as? String == response.headers[.init("X-Transaction-Id")!])
                    #expect(error["errorCode"] as? String == code, "\(message)")
                    // The message starts with the vendor's text; an image decoder's detail may follow.
                    #expect((error["message"] as? String)?.hasPrefix(message) == true, "\(error["message"] ?? "none")")
                }
            }
        }
    }

    @Test("a pipeline this server does not have is refused by name (1003), never scored; sr, pc, ps all false validates only")
    func unavailablePipeline() async throws {
        let (configuration, store) = try DialectTest.setUp()
        let issued = try await DialectTest.issueKey(store)
        let app = try buildApplication(configuration: configuration, implementedPipelines: [], store: store)
        try await app.test(.router) { client in
            try await client.execute(uri: "/modules/document", method: .post, headers: DialectTest.headers(key: issued.key),
                                     body: DialectTest.argosBody(pc: false, ps: false)) { response in
                #expect(response.status == .badRequest)
                let error = try response.argosError
                #expect(error["errorCode"] as? String == "1003")
                #expect(error["message"] as? String == "Fail to process data: pipeline sr (screen-replay) is not available on this server; "
                    + "available: none yet (set sr, pc and ps to false for image validation only)")
            }
            try await client.execute(uri: "/modules/document", method: .post, headers: DialectTest.headers(key: issued.key),
                                     body: DialectTest.argosBody(sr: false, pc: false, ps: false)) { response in
                #expect(response.status == .ok)
                #expect((response.object["result"] as? [String: Any])?.isEmpty == true)
            }
        }
    }

    @Test("useUpcomingVersion selects the newest installed model version, and engineVersion says so")
    func upcomingVersion() async throws {
        let (configuration, store) = try DialectTest.setUp()
        let issued = try await DialectTest.issueKey(store)
        let points = TestServer.operatingPoints
        let pipelines = [
            PipelineDescriptor(kind: .screenReplay, modelVersion: "1.9", operatingPoints: points) { FixedScorePipeline(score: 2) },
            PipelineDescriptor(kind: .screenReplay, modelVersion: "1.10", operatingPoints: points) { FixedScorePipeline(score: -2) },
        ]
        let app = try buildApplication(configuration: configuration, implementedPipelines: pipelines, store: store)
        try await app.test(.router) { client in
            for (upcoming, score, version) in [(false, 88, "1.9"), (true, 12, "1.10")] {
                try await client.execute(uri: "/modules/document", method: .post, headers: DialectTest.headers(key: issued.key),
                                         body: DialectTest.argosBody(pc: false, ps: false, extra: ["useUpcomingVersion": upcoming])) { response in
                    let json = try response.json
                    #expect(json["engineVersion"] as? String == "liveness@\(EngineVersion.current)" + (upcoming ? "+upcoming" : ""))
                    #expect((json["result"] as? [String: [String: Int]])?["screenReplay"]?["liveness_score"] == score)
                    let id = try #require(json["transactionId"] as? String)
                    let record = try #require(try await store.transaction(id: id))
                    #expect(record.modelVersions["screen-replay"] == version)
                }
            }
        }
    }

    @Test("1010 when the server is configured for asynchronous requests only; the dialect can be switched off")
    func configuration() async throws {
        let (configuration, store) = try DialectTest.setUp { $0.dialects.argosRequiresCallback = true }
        let issued = try await DialectTest.issueKey(store)
        let app = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines(), store: store)
        try await app.test(.router) { client in
            try await client.execute(uri: "/modules/document", method: .post, headers: DialectTest.headers(key: issued.key),
                                     body: DialectTest.argosBody()) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorObject["errorCode"] as? String == "1010")
                #expect(response.errorObject["message"] as? String == "callbackUrl is required: this server answers asynchronously only; give a callbackUrl")
            }
        }
        // A body over the limit: 413 with 1003.
        var small = configuration
        small.maxBodyBytes = 1000
        try await buildApplication(configuration: small, implementedPipelines: TestServer.pipelines(), store: store).test(.router) { client in
            try await client.execute(uri: "/modules/document", method: .post, headers: DialectTest.headers(key: issued.key),
                                     body: DialectTest.argosBody()) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.errorObject["errorCode"] as? String == "1003")
                #expect(response.errorObject["statusCode"] as? Int == 413)
            }
        }
        // Each dialect switched off: its routes are gone, the others stay.
        let (off, _) = try DialectTest.setUp {
            $0.dialects.argos = false
            $0.dialects.generic = false
            $0.dialects.idLive = false
        }
        try await buildApplication(configuration: off, implementedPipelines: TestServer.pipelines()).test(.router) { client in
            for uri in ["/modules/document", "/api/v1/document/liveness", "/check_liveness", "/check_liveness_file"] {
                try await client.execute(uri: uri, method: .post, headers: DialectTest.headers(key: issued.key),
                                         body: DialectTest.argosBody()) { response in
                    #expect(response.status == .notFound, "\(uri)")
                }
            }
            try await client.execute(uri: "/api_version", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
