import Foundation
import Hummingbird
import HummingbirdTesting
@testable import LivenessServer
import LivenessTestSupport
import Testing

/// `GET /v3/api-docs`: every endpoint is described, and the document passes `openapi-spec-validator`.
@Suite(.enabled(if: SharedData.available, "needs ../shared (YuNet model)"))
struct OpenAPITests {
    /// Installed by `scripts/setup --tools` (PyPI); the validation test is disabled without it.
    static let validator: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent(".venv-tools/bin/openapi-spec-validator").path
    }()

    static let endpoints: [String: [String]] = [
        "/check_liveness": ["post"], "/check_liveness_file": ["post"], "/api_version": ["get"], "/license_info": ["get"],
        "/bi_report": ["get"], "/v3/api-docs": ["get"], "/metrics": ["get"], "/health": ["get"], "/ready": ["get"],
        "/modules/document": ["post"], "/api/v1/document/liveness": ["post"],
        "/check_face_liveness": ["post"], "/check_face_liveness_file": ["post"], "/modules/liveness": ["post"],
    ]

    func document() async throws -> Data {
        let app = try buildApplication(configuration: TestServer.configuration())
        return try await app.test(.router) { client in
            try await client.execute(uri: "/v3/api-docs", method: .get) { response in
                #expect(response.status == .ok)
                return Data(response.body.readableBytesView)
            }
        }
    }

    @Test("the document describes every endpoint the server routes, and each route answers")
    func everyEndpointDescribed() async throws {
        let json = try #require(try JSONSerialization.jsonObject(with: try await document()) as? [String: Any])
        #expect(json["openapi"] as? String == "3.1.0")
        let paths = try #require(json["paths"] as? [String: [String: Any]])
        #expect(paths.mapValues { $0.keys.sorted() } == Self.endpoints)
        let app = try buildApplication(configuration: TestServer.configuration())
        try await app.test(.router) { client in
            for (path, methods) in Self.endpoints {
                try await client.execute(uri: path, method: methods == ["get"] ? .get : .post) { response in
                    #expect(response.status != .notFound, "\(path) is documented but not routed")
                }
            }
        }
    }

    @Test("openapi-spec-validator accepts the document", .enabled(if: FileManager.default.isExecutableFile(atPath: validator),
                                                                   "needs .venv-tools (scripts/setup --tools)"))
    func validates() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("api-docs-\(UUID().uuidString).json")
        try await document().write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.validator)
        process.arguments = [file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
    }
}
