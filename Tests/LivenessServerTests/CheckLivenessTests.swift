import Foundation
import Hummingbird
import HummingbirdTesting
import LivenessEngine
@testable import LivenessServer
import LivenessStore
import LivenessTestSupport
import Testing

/// `POST /check_liveness` against the real application, engine and SQLite store.
@Suite(.enabled(if: SharedData.available, "needs ../shared (face source, YuNet model, real grey copies)"))
struct CheckLivenessTests {
    @Test("the seed document's request, replayed, answers the seed's shape field for field")
    func seedExampleReplayed() async throws {
        let app = try buildApplication(configuration: TestServer.configuration(), implementedPipelines: TestServer.pipelines())
        try await app.test(.router) { client in
            let body = TestServer.checkBody(image: TestServer.goodCard, pipelines: [
                ["pipeline_name": "default-sr", "calibration": "REGULAR"], ["pipeline_name": "default-pc"], ["pipeline_name": "xenops-ps"],
            ])
            try await client.execute(uri: "/check_liveness", method: .post, headers: TestServer.jsonHeaders, body: body) { response in
                #expect(response.status == .ok)
                let json = try response.json
                #expect(Set(json.keys) == ["aggregate_liveness_probability", "aggregate_image_quality_warnings", "pipeline_results", "x_liveness"])
                let results = try #require(json["pipeline_results"] as? [[String: Any]])
                #expect(results.map { $0["pipeline_name"] as? String } == ["default-sr", "default-pc", "xenops-ps"])
                #expect(results.map { $0["calibration"] as? String } == ["REGULAR", "REGULAR", "REGULAR"])
                var probabilities: [Double] = []
                for entry in results {
                    #expect(Set(entry.keys) == ["pipeline_name", "calibration", "result"])
                    let result = try #require(entry["result"] as? [String: Any])
                    #expect(Set(result.keys) == ["liveness_probability", "liveness_score", "image_quality_warnings", "status_code"])
                    #expect(result["status_code"] as? String == "OK")
                    #expect(result["image_quality_warnings"] as? [String] == [])
                    probabilities.append(try #require(result["liveness_probability"] as? Double))
                }
                // Scores 2, -0.5, 1.5 through the logistic at REGULAR (threshold 0, slope 1).
                let expected = [2.0, -0.5, 1.5].map { 1 / (1 + exp(-$0)) }
                for (got, want) in zip(probabilities, expected) { #expect(abs(got - want) < 1e-9) }
                #expect(json["aggregate_liveness_probability"] as? Double == probabilities.min())
                #expect(json["aggregate_image_quality_warnings"] as? [String] == [])
                let extensionKey = try #require(json["x_liveness"] as? [String: Any])
                #expect(extensionKey["transaction_id"] as? String == response.headers[.init("X-Transaction-Id")!])
                let documents = try #require(extensionKey["documents"] as? [[String: Any]])
                #expect(documents.first?["format"] as? String == "ID-1")
            }
        }
    }

    @Test("a card without a portrait: xenops-ps answers DOCUMENT_PHOTO_NOT_FOUND alone, sr and pc score it, no aggregate")
    func portraitStatusOnlyForThePortraitPipeline() async throws {
        let app = try buildApplication(configuration: TestServer.configuration(), implementedPipelines: TestServer.pipelines())
        try await app.test(.router) { client in
            let body = TestServer.checkBody(image: TestServer.cardWithoutPortrait, pipelines: [
                ["pipeline_name": "default-sr"], ["pipeline_name": "default-pc"], ["pipeline_name": "xenops-ps"],
            ])
            try await client.execute(uri: "/check_liveness", method: .post, headers: TestServer.jsonHeaders, body: body) { response in
                #expect(response.status == .ok)
                let json = try response.json
                #expect(json["aggregate_liveness_probability"] == nil)
                #expect(json["aggregate_image_quality_warnings"] == nil)
                let results = try #require(json["pipeline_results"] as? [[String: Any]]).compactMap { $0["result"] as? [String: Any] }
                #expect(results.map { $0["status_code"] as? String } == ["OK", "OK", "DOCUMENT_PHOTO_NOT_FOUND"])
                #expect(Set(results[2].keys) == ["status_code"])
            }
        }
    }

    @Test("errors_to_ignore: a grey copy is DOCUMENT_IS_COLORLESS unless the client ignores it")
    func ignoringColourless() async throws {
        let app = try buildApplication(configuration: TestServer.configuration(), implementedPipelines: TestServer.pipelines())
        let image = try TestServer.greyCopy
        try await app.test(.router) { client in
            for (ignore, expected) in [(nil, "DOCUMENT_IS_COLORLESS"), (["DOCUMENT_IS_COLORLESS"], "OK")] as [([String]?, String)] {
                let body = TestServer.checkBody(image: image, pipelines: [["pipeline_name": "screen-replay"]], errorsToIgnore: ignore)
                try await client.execute(uri: "/check_liveness", method: .post, headers: TestServer.jsonHeaders, body: body) { response in
                    let json = try response.json
                    let result = try #require((json["pipeline_results"] as? [[String: Any]])?.first?["result"] as? [String: Any])
                    #expect(result["status_code"] as? String == expected)
                    #expect((json["aggregate_liveness_probability"] != nil) == (expected == "OK"))
                }
            }
        }
    }

    @Test("calibration moves the operating point: the same score is live at SOFT, not at REGULAR or HARD")
    func calibrationLevels() async throws {
        let app = try buildApplication(configuration: TestServer.configuration(), implementedPipelines: TestServer.pipelines())
        try await app.test(.router) { client in
            let body = TestServer.checkBody(image: TestServer.goodCard, pipelines: ["SOFT", "REGULAR", "HARD"].map {
                ["pipeline_name": "woodpecker-pc", "calibration": $0]
            })
            try await client.execute(uri: "/check_liveness", method: .post, headers: TestServer.jsonHeaders, body: body) { response in
                let results = try #require(try response.json["pipeline_results"] as? [[String: Any]]).compactMap { $0["result"] as? [String: Any] }
                let probabilities = results.compactMap { $0["liveness_probability"] as? Double }
                #expect(probabilities.count == 3)
                #expect(probabilities[0] > 0.5 && probabilities[1] < 0.5 && probabilities[2] < probabilities[1])
                #expect(Set(results.compactMap { $0["liveness_score"] as? Double }) == [-0.5])
            }
        }
    }

    @Test("an empty pipelines list runs image validation only")
    func validationOnly() async throws {
        let app = try buildApplication(configuration: TestServer.configuration())
        try await app.test(.router) { client in
            let body = TestServer.checkBody(image: try TestServer.greyCopy, pipelines: [])
            try await client.execute(uri: "/check_liveness", method: .post, headers: TestServer.jsonHeaders, body: body) { response in
                #expect(response.status == .ok)
                let json = try response.json
                #expect((json["pipeline_results"] as? [Any])?.isEmpty == true)
                #expect(json["aggregate_liveness_probability"] == nil)
                let validation = try #require((json["x_liveness"] as? [String: Any])?["validation"] as? [String: Any])
                #expect(validation["status_code"] as? String == "DOCUMENT_IS_COLORLESS")
            }
        }
    }

    @Test("a data URL prefix and line-wrapped base64 (the vendor's curl example) are accepted")
    func tolerantBase64() async throws {
        let app = try buildApplication(configuration: TestServer.configuration())
        let encoded = Data(TestServer.goodCard).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
        try await app.test(.router) { client in
            for image in ["data:image/jpeg;base64," + encoded, encoded + "\n"] {
                let body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["image": image, "pipelines": []] as [String: Any]))
                try await client.execute(uri: "/check_liveness", method: .post, headers: TestServer.jsonHeaders, body: body) { response in
                    #expect(response.status == .ok)
                }
            }
        }
    }

    @Test("a pipeline that throws: 500 with the transaction id and no internals")
    func unexpectedError() async throws {
        let failing = PipelineDescriptor(kind: .screenReplay, modelVersion: "failing", operatingPoints: TestServer.operatingPoints) { FailingPipeline() }
        let app = try buildApplication(configuration: TestServer.configuration(), implementedPipelines: [failing])
        try await app.test(.router) { client in
            let body = TestServer.checkBody(image: TestServer.goodCard, pipelines: [["pipeline_name": "vulture-sr"]])
            try await client.execute(uri: "/check_liveness", method: .post, headers: TestServer.jsonHeaders, body: body) { response in
                #expect(response.status == .internalServerError)
                let json = try response.json
                #expect(json["code"] as? String == "INTERNAL_ERROR")
                #expect(json["transaction_id"] as? String == response.headers[.init("X-Transaction-Id")!])
                #expect(!String(buffer: response.body).contains("Failure"))
            }
        }
    }
}
