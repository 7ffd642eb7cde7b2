import Foundation
import Hummingbird
import HummingbirdTesting
import LivenessEngine
@testable import LivenessServer
import LivenessTestSupport
import Testing

/// Every refusal of `POST /check_liveness`: the status, the code and the field at fault.
@Suite(.enabled(if: SharedData.available, "needs ../shared (YuNet model)"))
struct RequestErrorTests {
    struct BadRequest: Sendable, CustomTestStringConvertible {
        var name: String
        var body: String
        var status: Int
        var code: String
        var field: String?
        var testDescription: String { name }
    }

    static let tinyPNG: String = {
        // 1x1 PNG: decodable, but under the minimum side.
        let mat = try! Raster(width: 1, height: 1).mat()
        return Data(try! mat.encoded(as: ".png", quality: 0)).base64EncodedString()
    }()

    /// A PNG header that claims 40000 x 40000 pixels (1.6 GP), followed by an empty IDAT chunk.
    static let hugeClaimPNG: String = {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
        bytes += [0x00, 0x00, 0x9C, 0x40, 0x00, 0x00, 0x9C, 0x40, 8, 2, 0, 0, 0, 0, 0, 0, 0]
        bytes += [0, 0, 0, 0, 0x49, 0x44, 0x41, 0x54, 0, 0, 0, 0]
        return Data(bytes).base64EncodedString()
    }()

    static let cases: [BadRequest] = [
        .init(name: "malformed JSON", body: #"{"image": "#, status: 400, code: "MALFORMED_JSON", field: "body"),
        .init(name: "body not an object", body: #"["image"]"#, status: 400, code: "MALFORMED_JSON", field: "body"),
        .init(name: "image missing", body: #"{"pipelines": []}"#, status: 400, code: "MISSING_FIELD", field: "image"),
        .init(name: "image not a string", body: #"{"image": 12, "pipelines": []}"#, status: 400, code: "INVALID_FIELD", field: "image"),
        .init(name: "image empty", body: #"{"image": "", "pipelines": []}"#, status: 400, code: "INVALID_FIELD", field: "image"),
        .init(name: "invalid base64", body: #"{"image": "ab$d", "pipelines": []}"#, status: 400, code: "INVALID_FIELD", field: "image"),
        .init(name: "impossible base64 length", body: #"{"image": "abcde", "pipelines": []}"#, status: 400, code: "INVALID_FIELD", field: "image"),
        .init(name: "pipelines missing", body: #"{"image": "aGVsbG8="}"#, status: 400, code: "MISSING_FIELD", field: "pipelines"),
        .init(name: "pipelines not a list", body: #"{"image": "aGVsbG8=", "pipelines": "default-sr"}"#, status: 400, code: "INVALID_FIELD", field: "pipelines"),
        .init(name: "pipeline without a name", body: #"{"image": "aGVsbG8=", "pipelines": [{"calibration": "SOFT"}]}"#,
              status: 400, code: "MISSING_FIELD", field: "pipelines[0].pipeline_name"),
        .init(name: "unknown pipeline", body: #"{"image": "aGVsbG8=", "pipelines": [{"pipeline_name": "default-sr"}, {"pipeline_name": "eagle-xx"}]}"#,
              status: 400, code: "INVALID_FIELD", field: "pipelines[1].pipeline_name"),
        .init(name: "pipeline not available", body: #"{"image": "aGVsbG8=", "pipelines": [{"pipeline_name": "hawk-sd"}]}"#,
              status: 400, code: "INVALID_FIELD", field: "pipelines[0].pipeline_name"),
        .init(name: "unknown calibration", body: #"{"image": "aGVsbG8=", "pipelines": [{"pipeline_name": "default-sr", "calibration": "MEDIUM"}]}"#,
              status: 400, code: "INVALID_FIELD", field: "pipelines[0].calibration"),
        .init(name: "error that cannot be ignored", body: #"{"image": "aGVsbG8=", "pipelines": [], "errors_to_ignore": ["DOCUMENT_NOT_FOUND"]}"#,
              status: 400, code: "INVALID_FIELD", field: "errors_to_ignore[0]"),
        .init(name: "errors_to_ignore not a list", body: #"{"image": "aGVsbG8=", "pipelines": [], "errors_to_ignore": "DOCUMENT_CROPPED"}"#,
              status: 400, code: "INVALID_FIELD", field: "errors_to_ignore"),
        .init(name: "not an image", body: #"{"image": "aGVsbG8gd29ybGQsIHRoaXMgaXMgdGV4dA==", "pipelines": []}"#,
              status: 406, code: "UNSUPPORTED_FORMAT", field: "image"),
        .init(name: "truncated JPEG", body: #"{"image": "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDA==", "pipelines": []}"#,
              status: 406, code: "CORRUPT_IMAGE", field: "image"),
        .init(name: "image under the minimum size", body: #"{"image": "\#(tinyPNG)", "pipelines": []}"#, status: 406, code: "IMAGE_TOO_SMALL", field: "image"),
        .init(name: "header claiming 40000x40000", body: #"{"image": "\#(hugeClaimPNG)", "pipelines": []}"#, status: 413, code: "IMAGE_TOO_LARGE", field: "image"),
    ]

    @Test("bad requests are refused with the status, code and field", arguments: cases)
    func badRequest(_ bad: BadRequest) async throws {
        let app = try buildApplication(configuration: TestServer.configuration(), implementedPipelines: TestServer.pipelines([.screenReplay: 1]))
        try await app.test(.router) { client in
            try await client.execute(uri: "/check_liveness", method: .post, headers: TestServer.jsonHeaders, body: ByteBuffer(string: bad.body)) { response in
                #expect(Int(response.status.code) == bad.status)
                let json = try response.json
                #expect(json["code"] as? String == bad.code, "\(json)")
                #expect(json["field"] as? String == bad.field)
                #expect(json["status"] as? Int == bad.status)
                #expect((json["message"] as? String)?.isEmpty == false)
                #expect(json["transaction_id"] as? String == response.headers[.init("X-Transaction-Id")!])
            }
        }
    }

    @Test("an unknown route is a JSON 404")
    func unknownRoute() async throws {
        let app = try buildApplication(configuration: TestServer.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/check_everything", method: .post) { response in
                #expect(response.status == .notFound)
                let json = try response.json
                #expect(json["code"] as? String == "HTTP_404")
            }
        }
    }
}
