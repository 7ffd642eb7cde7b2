import Foundation
import Hummingbird
import HummingbirdTesting
import LivenessEngine
@testable import LivenessServer
import LivenessStore
import LivenessTestSupport
import Testing

/// Scores by whether the document's portrait was found: +2 with one (live), -0.5 without, so a
/// card without portrait stands for a weaker back side.
final class PortraitAwarePipeline: LivenessPipeline {
    func rawScore(_ input: PipelineInput) throws -> Double { input.document?.portrait != nil ? 2 : -0.5 }
}

/// `POST /api/v1/document/liveness` (../shared/seeds/generic-document-liveness-api.txt).
@Suite(.enabled(if: SharedData.available, "needs ../shared (face source, YuNet model)"), .timeLimit(.minutes(1)))
struct GenericDialectTests {
    static let uri = "/api/v1/document/liveness"
    static let session = "bbbf9002-c3a2-4308-b103-d80b9f5a2b84"

    static func body(_ fields: [String: Any]) -> ByteBuffer {
        DialectTest.json(fields.merging(["sessionId": session]) { old, _ in old })
    }

    @Test("the seed's request: sessionId echoed, score in [0, 1] with knots SOFT 0.25 / REGULAR 0.5 / HARD 0.75, hasError false")
    func seedExample() async throws {
        let (configuration, store) = try DialectTest.setUp()
        let issued = try await DialectTest.issueKey(store)
        let app = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines(), store: store)
        try await app.test(.router) { client in
            try await client.execute(uri: Self.uri, method: .post, headers: DialectTest.basic("acme", issued.key.description),
                                     body: Self.body(["documentImageBase": Data(TestServer.goodCard).base64EncodedString()])) { response in
                #expect(response.status == .ok)
                let json = try response.json
                #expect(Set(json.keys) == ["sessionId", "score", "hasError"])
                #expect(json["sessionId"] as? String == Self.session)
                #expect(json["hasError"] as? Bool == false)
                // The lowest pipeline: printed copy, raw -0.5, halfway between SOFT (-1) and REGULAR (0).
                #expect(abs((json["score"] as? Double ?? -1) - 0.375) < 1e-6)
                let id = try #require(response.headers[.init("X-Transaction-Id")!])
                let record = try #require(try await store.transaction(id: id))
                #expect(record.workspace == "acme")
                #expect(record.results.map(\.pipeline) == ["screen-replay", "printed-copy", "portrait-substitution"])
            }
        }
    }

    @Test("the score mapping: monotone, through the knots, towards 0 and 1 outside them (tolerance 1e-6)")
    func scoreMapping() {
        let points = OperatingPoints(soft: -1, regular: 0, hard: 1, slope: 1)
        #expect(abs(GenericScore.score(raw: -1, points: points) - 0.25) < 1e-6)
        #expect(abs(GenericScore.score(raw: 0, points: points) - 0.5) < 1e-6)
        #expect(abs(GenericScore.score(raw: 1, points: points) - 0.75) < 1e-6)
        #expect(abs(GenericScore.score(raw: 0.5, points: points) - 0.625) < 1e-6)
        #expect(abs(GenericScore.score(raw: 2, points: points) - (0.75 + 0.25 * (2 * DialectTest.probability(1) - 1))) < 1e-6)
        let raws = stride(from: -8.0, through: 8, by: 0.25).map { GenericScore.score(raw: $0, points: points) }
        #expect(zip(raws, raws.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(raws.first! > 0 && raws.first! < 0.01 && raws.last! < 1 && raws.last! > 0.99)
    }

    @Test("a validation status comes with 200, hasError true and the code; no score")
    func validationError() async throws {
        let (configuration, store) = try DialectTest.setUp()
        let issued = try await DialectTest.issueKey(store)
        let app = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines(), store: store)
        let blank = try SceneBuilder.jpeg(SceneBuilder.background(.wood, width: 1280, height: 800))
        try await app.test(.router) { client in
            for (image, code) in [(blank, "DOCUMENT_NOT_FOUND"), (TestServer.cardWithoutPortrait, "DOCUMENT_PHOTO_NOT_FOUND")] {
                try await client.execute(uri: Self.uri, method: .post, headers: DialectTest.basic("acme", issued.key.description),
                                         body: Self.body(["frontSideImageBase": Data(image).base64EncodedString()])) { response in
                    #expect(response.status == .ok)
                    let json = try response.json
                    #expect(json["sessionId"] as? String == Self.session)
                    #expect(json["hasError"] as? Bool == true)
                    #expect(json["error"] as? String == code)
                    #expect(json["message"] as? String == "front side: \(code)")
                    #expect(json["score"] == nil)
                }
            }
        }
    }

    @Test("front and back: the back side is not checked for a portrait, and the score is the lower side's")
    func bothSides() async throws {
        let (configuration, store) = try DialectTest.setUp()
        let issued = try await DialectTest.issueKey(store)
        let pipelines = [PipelineKind.screenReplay, .portraitSubstitution].map { kind in
            PipelineDescriptor(kind: kind, modelVersion: "portrait-aware", operatingPoints: TestServer.operatingPoints) { PortraitAwarePipeline() }
        }
        let app = try buildApplication(configuration: configuration, implementedPipelines: pipelines, store: store)
        let front = Data(TestServer.goodCard).base64EncodedString(), back = Data(TestServer.cardWithoutPortrait).base64EncodedString()
        try await app.test(.router) { client in
            let headers = DialectTest.basic("acme", issued.key.description)
            // Front alone: raw 2 -> 0.75 + 0.25 (2 sigma(1) - 1).
            let frontScore = 0.75 + 0.25 * (2 * DialectTest.probability(1) - 1)
            try await client.execute(uri: Self.uri, method: .post, headers: headers, body: Self.body(["frontSideImageBase": front])) { response in
                #expect(abs((response.object["score"] as? Double ?? -1) - frontScore) < 1e-6)
            }
            // With a back side without portrait: no DOCUMENT_PHOTO_NOT_FOUND; its raw -0.5 -> 0.375 is the lower.
            try await client.execute(uri: Self.uri, method: .post, headers: headers,
                                     body: Self.body(["frontSideImageBase": front, "backSideImageBase": back])) { response in
                let json = try response.json
                #expect(json["hasError"] as? Bool == false)
                #expect(abs((json["score"] as? Double ?? -1) - 0.375) < 1e-6)
                let id = try #require(response.headers[.init("X-Transaction-Id")!])
                #expect(try await store.transaction(id: id + "-back")?.results.map(\.pipeline) == ["screen-replay"])
            }
            // The portrait-less card as the front side is an error, and says which side.
            try await client.execute(uri: Self.uri, method: .post, headers: headers,
                                     body: Self.body(["frontSideImageBase": back, "backSideImageBase": front])) { response in
                #expect(response.object["error"] as? String == "DOCUMENT_PHOTO_NOT_FOUND")
            }
        }
    }

    @Test("Basic authentication: missing, wrong workspace, wrong key -> 401 UNAUTHORIZED with WWW-Authenticate")
    func authentication() async throws {
        let (configuration, store) = try DialectTest.setUp()
        let issued = try await DialectTest.issueKey(store)
        let app = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines(), store: store)
        let body = Self.body(["documentImageBase": Data(TestServer.goodCard).base64EncodedString()])
        try await app.test(.router) { client in
            let attempts: [HTTPFields] = [[.contentType: "application/json"], DialectTest.basic("other", issued.key.description),
                                          DialectTest.basic("acme", APIKey.generate().description), [.authorization: "Basic !!!"]]
            for headers in attempts {
                try await client.execute(uri: Self.uri, method: .post, headers: headers, body: body) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.wwwAuthenticate] == "Basic realm=\"liveness\"")
                    let json = try response.json
                    #expect(json["hasError"] as? Bool == true)
                    #expect(json["error"] as? String == "UNAUTHORIZED")
                }
            }
        }
    }

    @Test("bad input gets our codes: MALFORMED_JSON, IMAGE_REQUIRED, INVALID_FIELD, INVALID_IMAGE; no pipeline -> NO_PIPELINE_AVAILABLE")
    func badInput() async throws {
        let (configuration, store) = try DialectTest.setUp()
        let issued = try await DialectTest.issueKey(store)
        let image = Data(TestServer.goodCard).base64EncodedString()
        let cases: [(ByteBuffer, HTTPResponse.Status, String)] = [
            (ByteBuffer(string: "nope"), .badRequest, "MALFORMED_JSON"),
            (Self.body([:]), .badRequest, "IMAGE_REQUIRED"),
            (Self.body(["documentImageBase": image, "frontSideImageBase": image]), .badRequest, "INVALID_FIELD"),
            (Self.body(["documentImageBase": 12]), .badRequest, "INVALID_FIELD"),
            (DialectTest.json(["sessionId": 5, "documentImageBase": image]), .badRequest, "INVALID_FIELD"),
            (Self.body(["documentImageBase": "%%%%"]), .badRequest, "INVALID_IMAGE"),
            (Self.body(["documentImageBase": Data("not an image".utf8).base64EncodedString()]), .badRequest, "INVALID_IMAGE"),
        ]
        let app = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines(), store: store)
        try await app.test(.router) { client in
            for (body, status, code) in cases {
                try await client.execute(uri: Self.uri, method: .post, headers: DialectTest.basic("acme", issued.key.description), body: body) { response in
                    #expect(response.status == status, "\(code)")
                    #expect(response.object["error"] as? String == code)
                    #expect(response.object["hasError"] as? Bool == true)
                    #expect(response.object["message"] is String)
                }
            }
        }
        let bare = try buildApplication(configuration: configuration, implementedPipelines: [], store: store)
        try await bare.test(.router) { client in
            try await client.execute(uri: Self.uri, method: .post, headers: DialectTest.basic("acme", issued.key.description),
                                     body: Self.body(["documentImageBase": image])) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.object["error"] as? String == "NO_PIPELINE_AVAILABLE")
                #expect(response.object["sessionId"] as? String == Self.session)
            }
        }
    }

    @Test("image URLs are fetched (allow-listed local server): image/* accepted; other content types, errors, timeouts, oversize refused")
    func imageURLs() async throws {
        let (configuration, store) = try DialectTest.setUp {
            $0.outbound.allowed = DialectTest.loopback
            $0.outbound.fetchMaxBytes = TestServer.goodCard.count + 10
        }
        let issued = try await DialectTest.issueKey(store)
        let receiver = CallbackReceiver(image: TestServer.goodCard)
        try await receiver.serve { base in
            let app = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines(), store: store)
            try await app.test(.router) { client in
                let headers = DialectTest.basic("acme", issued.key.description)
                try await client.execute(uri: Self.uri, method: .post, headers: headers,
                                         body: Self.body(["documentImageBase": base + "/image.jpg"])) { response in
                    #expect(response.status == .ok)
                    #expect(abs((response.object["score"] as? Double ?? -1) - 0.375) < 1e-6)
                }
                for (path, status, code) in [("/page.html", HTTPResponse.Status.unsupportedMediaType, "IMAGE_URL_NOT_AN_IMAGE"),
                                             ("/missing.jpg", .badGateway, "IMAGE_URL_UNREACHABLE")] {
                    try await client.execute(uri: Self.uri, method: .post, headers: headers,
                                             body: Self.body(["documentImageBase": base + path])) { response in
                        #expect(response.status == status)
                        #expect(response.object["error"] as? String == code)
                    }
                }
            }
        }
        // A 1000-byte limit, and a 0.5 s timeout against a server that answers after 3 s (the
        // margin keeps this about which comes first, not about how fast the machine is).
        var limited = configuration
        limited.outbound.fetchMaxBytes = 1000
        limited.outbound.fetchTimeout = .milliseconds(500)
        let small = limited
        let receiver2 = CallbackReceiver(image: TestServer.goodCard)
        try await receiver2.serve { base in
            try await buildApplication(configuration: small, implementedPipelines: TestServer.pipelines(), store: store).test(.router) { client in
                for (path, status, code) in [("/image.jpg", HTTPResponse.Status.contentTooLarge, "IMAGE_TOO_LARGE"),
                                             ("/slow.jpg", .gatewayTimeout, "IMAGE_URL_TIMEOUT")] {
                    try await client.execute(uri: Self.uri, method: .post, headers: DialectTest.basic("acme", issued.key.description),
                                             body: Self.body(["documentImageBase": base + path])) { response in
                        #expect(response.status == status)
                        #expect(response.object["error"] as? String == code)
                    }
                }
            }
        }
    }
}
