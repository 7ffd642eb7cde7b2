import Foundation
import Hummingbird
import HummingbirdTesting
import LivenessEngine
@testable import LivenessServer
import LivenessTestSupport
import Testing

/// `POST /check_liveness_file` and body limits over a real socket.
@Suite(.enabled(if: SharedData.available, "needs ../shared (face source, YuNet model)"))
struct FileUploadTests {
    @Test("the seed's file upload: pipelines and calibrations comma-separated in the query")
    func seedFileUpload() async throws {
        let app = try buildApplication(configuration: TestServer.configuration(), implementedPipelines: TestServer.pipelines())
        try await app.test(.live) { client in
            let (headers, body) = TestServer.multipart(field: "file", file: TestServer.goodCard)
            let uri = "/check_liveness_file?pipelines=default-sr,default-pc,xenops-ps&calibrations=REGULAR,SOFT,HARD"
            try await client.execute(uri: uri, method: .post, headers: headers, body: body) { response in
                #expect(response.status == .ok)
                let json = try response.json
                let results = try #require(json["pipeline_results"] as? [[String: Any]])
                #expect(results.map { $0["pipeline_name"] as? String } == ["default-sr", "default-pc", "xenops-ps"])
                #expect(results.map { $0["calibration"] as? String } == ["REGULAR", "SOFT", "HARD"])
                #expect(json["aggregate_liveness_probability"] is Double)
            }
        }
    }

    @Test("repeated query parameters work like comma-separated ones")
    func repeatedQueryParameters() async throws {
        let app = try buildApplication(configuration: TestServer.configuration(), implementedPipelines: TestServer.pipelines())
        try await app.test(.live) { client in
            let (headers, body) = TestServer.multipart(field: "file", file: TestServer.goodCard)
            let uri = "/check_liveness_file?pipelines=screen-replay&pipelines=robin-pc&errors_to_ignore=DOCUMENT_CROPPED"
            try await client.execute(uri: uri, method: .post, headers: headers, body: body) { response in
                #expect(response.status == .ok)
                let results = try #require(try response.json["pipeline_results"] as? [[String: Any]])
                #expect(results.map { $0["pipeline_name"] as? String } == ["screen-replay", "robin-pc"])
            }
        }
    }

    @Test("file endpoint refusals", arguments: [
        ("/check_liveness_file?pipelines=default-sr,default-pc&calibrations=SOFT", "file", 400, "calibrations"),
        ("/check_liveness_file?calibrations=SOFT", "file", 400, "pipelines"),
        ("/check_liveness_file?pipelines=default-sr&calibrations=LOOSE", "file", 400, "calibrations[0]"),
        ("/check_liveness_file?pipelines=default-sr&errors_to_ignore=DOCUMENT_PHOTO_NOT_FOUND", "file", 400, "errors_to_ignore[0]"),
        ("/check_liveness_file?pipelines=default-sr", "image", 400, "file"),
    ])
    func refusals(uri: String, partName: String, status: Int, field: String) async throws {
        let app = try buildApplication(configuration: TestServer.configuration(), implementedPipelines: TestServer.pipelines())
        try await app.test(.live) { client in
            let (headers, body) = TestServer.multipart(field: partName, file: TestServer.goodCard)
            try await client.execute(uri: uri, method: .post, headers: headers, body: body) { response in
                #expect(Int(response.status.code) == status)
                #expect(response["field"] as? String == field)
            }
        }
    }

    @Test("a body that is not multipart names the file field")
    func notMultipart() async throws {
        let app = try buildApplication(configuration: TestServer.configuration(), implementedPipelines: TestServer.pipelines())
        try await app.test(.live) { client in
            try await client.execute(uri: "/check_liveness_file?pipelines=default-sr", method: .post, headers: [.contentType: "image/jpeg"],
                                     body: ByteBuffer(bytes: TestServer.goodCard)) { response in
                #expect(response.status == .badRequest)
                #expect(response["field"] as? String == "file")
            }
        }
    }

    @Test("a body over the limit is refused with 413, on both endpoints")
    func bodyOverLimit() async throws {
        let app = try buildApplication(configuration: TestServer.configuration(maxBodyBytes: 100_000), implementedPipelines: TestServer.pipelines())
        let large = [UInt8](repeating: 0x41, count: 300_000)
        try await app.test(.live) { client in
            let (headers, body) = TestServer.multipart(field: "file", file: large)
            try await client.execute(uri: "/check_liveness_file?pipelines=default-sr", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response["code"] as? String == "BODY_TOO_LARGE")
            }
            try await client.execute(uri: "/check_liveness", method: .post, headers: TestServer.jsonHeaders,
                                     body: TestServer.checkBody(image: large, pipelines: [])) { response in
                #expect(response.status == .contentTooLarge)
            }
            // The server is still there.
            try await client.execute(uri: "/health", method: .get) { response in #expect(response.status == .ok) }
        }
    }
}
