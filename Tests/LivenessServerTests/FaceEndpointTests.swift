import Foundation
import Hummingbird
import HummingbirdTesting
import LivenessEngine
@testable import LivenessServer
import LivenessStore
import LivenessTestSupport
import Testing

/// The face endpoints against the real app, engine (YuNet and the MiniFASNet pack from
/// ../shared/models) and SQLite store. The face model is a test one: the networks' own log-odds
/// (the `minifasnet` signal set needs no trained head) with REGULAR at 0, so a face is live when
/// the networks' mean real probability is above one half.
@Suite(.enabled(if: SharedData.available, "needs ../shared (face-pad-dev, models)"), .timeLimit(.minutes(1)))
struct FaceEndpointTests {
    static let model = InstalledFaceModel(model: FaceModel(version: "test", heads: [:], training: [:]),
                                          operatingPoints: [.minifasnet: TestServer.operatingPoints])

    static func photo(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: SharedData.root + "/data/face-pad-dev/" + name)))
    }

    static let noFace: [UInt8] = try! SceneBuilder.jpeg(SceneBuilder.background(.wood, width: 640, height: 480))

    static func body(_ object: [String: Any]) -> ByteBuffer { DialectTest.json(object) }

    @Test("/check_face_liveness: a live selfie and a tablet replay, with face, quality and the stored transaction")
    func checkFaceLiveness() async throws {
        let (configuration, store) = try DialectTest.setUp()
        let app = try buildApplication(configuration: configuration, implementedPipelines: [], faceModel: Self.model, store: store)
        try await app.test(.router) { client in
            try await client.execute(uri: "/check_face_liveness", method: .post, headers: TestServer.jsonHeaders,
                                     body: Self.body(["image": Data(try Self.photo("image_T1.jpg")).base64EncodedString()])) { response in
                #expect(response.status == .ok)
                let json = try response.json
                #expect(json["status_code"] as? String == "OK")
                #expect(json["calibration"] as? String == "REGULAR")
                #expect(try #require(json["liveness_probability"] as? Double) > 0.5)
                let face = try #require(json["face"] as? [String: Any])
                #expect((face["box"] as? [Double])?.count == 4)
                #expect((face["landmarks"] as? [[Double]])?.count == 5)
                let details = try #require(json["x_liveness"] as? [String: Any])
                #expect(details["signals"] as? String == "minifasnet")
                #expect((details["minifasnet_real_probabilities"] as? [Double])?.count == 2)
                let id = try #require(details["transaction_id"] as? String)
                let record = try #require(try await store.transaction(id: id))
                #expect(record.endpoint == "/check_face_liveness")
                #expect(record.documentFormat == "FACE")
                #expect(record.results.map(\.pipeline) == ["face-liveness"])
                #expect(record.results.first?.status == "OK")
            }
            try await client.execute(uri: "/check_face_liveness", method: .post, headers: TestServer.jsonHeaders,
                                     body: Self.body(["image": Data(try Self.photo("image_F2.jpg")).base64EncodedString(), "calibration": "SOFT"])) { response in
                #expect(response.status == .ok)
                let probability = try #require(response.object["liveness_probability"] as? Double)
                #expect(probability < 0.5)
                #expect(response.object["calibration"] as? String == "SOFT")
            }
            // No face: answered, not scored.
            try await client.execute(uri: "/check_face_liveness", method: .post, headers: TestServer.jsonHeaders,
                                     body: Self.body(["image": Data(Self.noFace).base64EncodedString()])) { response in
                #expect(response.status == .ok)
                #expect(response.object["status_code"] as? String == "FACE_NOT_FOUND")
                #expect(response.object["liveness_probability"] == nil)
            }
            // bi_report counts face checks under the face-liveness pipeline and the FACE format.
            let today = Day(Date()).description
            try await client.execute(uri: "/bi_report?date_from=\(today)&date_to=\(today)", method: .get) { response in
                let counts = response.object.filter { $0.key.hasPrefix("face-liveness_FACE_") }.compactMapValues { $0 as? Int }
                #expect(counts["face-liveness_FACE_FACE_NOT_FOUND"] == 1, "\(response.object)")
                #expect(counts.filter { $0.key.contains("_probability_") }.values.reduce(0, +) == 2)
            }
        }
    }

    @Test("/check_face_liveness refuses bad fields by name")
    func badRequests() async throws {
        let (configuration, store) = try DialectTest.setUp()
        let app = try buildApplication(configuration: configuration, implementedPipelines: [], faceModel: Self.model, store: store)
        let image = Data(try Self.photo("image_T1.jpg")).base64EncodedString()
        let objects: [([String: Any], String, String)] = [
            ([:], "MISSING_FIELD", "image"),
            (["image": "%%%"], "INVALID_FIELD", "image"),
            (["image": image, "signals": "magic"], "INVALID_FIELD", "signals"),
            (["image": image, "signals": "physical"], "INVALID_FIELD", "signals"),  // no physical head in the test model
            (["image": image, "calibration": "MEDIUM"], "INVALID_FIELD", "calibration"),
            (["image": image, "errors_to_ignore": ["FACE_NOT_FOUND"]], "INVALID_FIELD", "errors_to_ignore[0]"),
            (["image": Data("not an image".utf8).base64EncodedString()], "UNSUPPORTED_FORMAT", "image"),
        ]
        let cases = objects.map { (Self.body($0.0), $0.0.keys.sorted(), $0.1, $0.2) }
        try await app.test(.router) { client in
            for (body, keys, code, field) in cases {
                try await client.execute(uri: "/check_face_liveness", method: .post, headers: TestServer.jsonHeaders, body: body) { response in
                // An image the engine cannot read is the vendor's 406, as for documents.
                #expect(response.status == (code == "UNSUPPORTED_FORMAT" ? .notAcceptable : .badRequest), "\(keys)")
                    #expect(response.object["code"] as? String == code, "\(keys): \(response.object)")
                    #expect(response.object["field"] as? String == field)
                }
            }
        }
    }

    @Test("/check_face_liveness_file: multipart upload with the calibration in the query; no model installed -> 503")
    func fileUploadAndNoModel() async throws {
        let (configuration, store) = try DialectTest.setUp()
        let app = try buildApplication(configuration: configuration, implementedPipelines: [], faceModel: Self.model, store: store)
        let (headers, body) = TestServer.multipart(field: "file", file: try Self.photo("image_T1.jpg"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/check_face_liveness_file?calibration=HARD", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .ok)
                #expect(response.object["calibration"] as? String == "HARD")
                #expect(response.object["status_code"] as? String == "OK")
            }
        }
        let bare = try buildApplication(configuration: configuration, implementedPipelines: [], faceModel: nil, store: store)
        try await bare.test(.router) { client in
            try await client.execute(uri: "/check_face_liveness_file", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.object["code"] as? String == "NOT_AVAILABLE")
            }
            try await client.execute(uri: "/api_version", method: .get) { response in
                let face = try #require(response.object["faceLiveness"] as? [String: Any])
                #expect(face["signals"] as? [String] == [])
            }
        }
    }

    @Test("Argos /modules/liveness: 200 with apiType, liveness_score and transactionId; 1001, 1016, 1017, 1003")
    func argosFaceLiveness() async throws {
        let (configuration, store) = try DialectTest.setUp()
        let issued = try await DialectTest.issueKey(store)
        let app = try buildApplication(configuration: configuration, implementedPipelines: [], faceModel: Self.model, store: store)
        let live = Data(try Self.photo("image_T1.jpg")).base64EncodedString()
        try await app.test(.router) { client in
            // The seed's example shape; a bare MIME prefix, as the vendor's document shows, is tolerated.
            for image in [live, "image/jpeg;base64," + live] {
                try await client.execute(uri: "/modules/liveness", method: .post, headers: DialectTest.headers(key: issued.key),
                                         body: Self.body(["faceImage": image])) { response in
                    #expect(response.status == .ok)
                    let json = try response.json
                    #expect(Set(json.keys) == ["apiType", "result", "transactionId"])
                    #expect(json["apiType"] as? String == "id_live_face")
                    let score = try #require((json["result"] as? [String: Int])?["liveness_score"])
                    #expect(score > 50 && score <= 100)
                    let id = try #require(json["transactionId"] as? String)
                    let record = try await store.transaction(id: id)
                    #expect(record?.workspace == "acme")
                }
            }
            let failures: [(HTTPFields, ByteBuffer, HTTPResponse.Status, Int, String)] = [
                (DialectTest.headers(key: nil), Self.body(["faceImage": live]), .unauthorized, 1001, "Workspace is unavailable"),
                (DialectTest.headers(key: issued.key), Self.body([:]), .badRequest, 1016, "faceImage is required"),
                (DialectTest.headers(key: issued.key), Self.body(["faceImage": Data(Self.noFace).base64EncodedString()]), .badRequest, 1017, "FACE_NOT_FOUND"),
                (DialectTest.headers(key: issued.key), Self.body(["faceImage": "%%%"]), .badRequest, 1003, "not valid base64"),
            ]
            for (headers, body, status, code, message) in failures {
                try await client.execute(uri: "/modules/liveness", method: .post, headers: headers, body: body) { response in
                    #expect(response.status == status)
                    #expect(response.object["errorCode"] as? Int == code)
                    #expect((response.object["message"] as? String)?.contains(message) == true, "\(response.object)")
                    #expect(response.object["transactionId"] is String)
                }
            }
        }
    }
}
