import Foundation
import Hummingbird
import HummingbirdTesting
import LivenessEngine
@testable import LivenessServer
import LivenessStore
import LivenessTestSupport
import Testing

/// Stands in for the detectors that have not landed yet: a fixed raw score, so the tests can
/// check how scores become probabilities, responses and stored rows. Everything before the
/// pipeline (decode, locate, rectify, portrait, validation) is the real engine.
final class FixedScorePipeline: LivenessPipeline {
    let score: Double
    init(score: Double) { self.score = score }
    func rawScore(_ input: PipelineInput) throws -> Double { score }
}

/// A pipeline that fails, as an unexpected internal error would.
final class FailingPipeline: LivenessPipeline {
    struct Failure: Error {}
    func rawScore(_ input: PipelineInput) throws -> Double { throw Failure() }
}

enum TestServer {
    /// Operating points of the stand-in pipelines: SOFT at -1, REGULAR at 0, HARD at +1, slope 1.
    static let operatingPoints = OperatingPoints(soft: -1, regular: 0, hard: 1, slope: 1)

    /// Raw scores of the stand-ins: screen replay 2 (live at every level), printed copy -0.5
    /// (live only at SOFT), portrait substitution 1.5.
    static let scores: [PipelineKind: Double] = [.screenReplay: 2, .printedCopy: -0.5, .portraitSubstitution: 1.5]

    static func pipelines(_ scores: [PipelineKind: Double] = scores) -> [PipelineDescriptor] {
        scores.sorted { $0.key.rawValue < $1.key.rawValue }.map { kind, score in
            PipelineDescriptor(kind: kind, modelVersion: "fixed-\(score)", operatingPoints: operatingPoints) { FixedScorePipeline(score: score) }
        }
    }

    /// A configuration on a fresh SQLite file, port 0, the YuNet model from ../shared.
    static func configuration(workers: Int = 1, queueLimit: Int? = nil, maxBodyBytes: Int? = nil) -> ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.workers = workers
        configuration.queueLimit = queueLimit
        if let maxBodyBytes { configuration.maxBodyBytes = maxBodyBytes }
        configuration.databasePath = temporaryDatabase()
        configuration.modelDirectory = SharedData.models
        configuration.logLevel = .critical
        return configuration
    }

    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("liveness-test-\(UUID().uuidString).sqlite").path
    }

    /// A colour ID-1 card with a real face on wood: every validation check passes.
    static let goodCard: [UInt8] = try! scene(withPortrait: true)
    /// The same card without a portrait: only the portrait pipeline reports DOCUMENT_PHOTO_NOT_FOUND.
    static let cardWithoutPortrait: [UInt8] = try! scene(withPortrait: false)

    private static func scene(withPortrait: Bool) throws -> [UInt8] {
        let truth = SceneBuilder.cardQuad(cx: 640, cy: 400, width: 600, degrees: 8)
        let scene = try SceneBuilder.place(SceneBuilder.card(withPortrait: withPortrait),
                                           on: SceneBuilder.background(.wood, width: 1280, height: 800), at: truth)
        return try SceneBuilder.jpeg(scene)
    }

    /// A real grey photocopy (DLC-2021): DOCUMENT_IS_COLORLESS unless ignored.
    static var greyCopy: [UInt8] {
        get throws { try [UInt8](Data(contentsOf: URL(fileURLWithPath: SharedData.greyCopies + "/alb_id__00.cg0002__000106.jpg"))) }
    }

    /// `{"image": ..., "pipelines": [...], ...}` as a body.
    static func checkBody(image: [UInt8], pipelines: [[String: String]], errorsToIgnore: [String]? = nil) -> ByteBuffer {
        var object: [String: Any] = ["image": Data(image).base64EncodedString(), "pipelines": pipelines]
        if let errorsToIgnore { object["errors_to_ignore"] = errorsToIgnore }
        return ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]

    /// A multipart/form-data body with one part.
    static func multipart(field: String, file: [UInt8], boundary: String = "liveness-test-boundary") -> (HTTPFields, ByteBuffer) {
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"image.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
        body.writeBytes(file)
        body.writeString("\r\n--\(boundary)--\r\n")
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], body)
    }
}

extension TestResponse {
    /// The body as a JSON object.
    var json: [String: Any] {
        get throws { try #require(try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]) }
    }

    /// One top-level value of a JSON object body; nil when absent or the body is not JSON.
    subscript(key: String) -> Any? {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])?[key]
    }
}
