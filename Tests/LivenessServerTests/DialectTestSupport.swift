import Foundation
import Hummingbird
import HummingbirdTesting
import LivenessEngine
@testable import LivenessServer
import LivenessStore
import Testing

/// Keys, bodies and headers for the Argos and generic dialect tests.
enum DialectTest {
    /// A fresh store on a temporary file, and a configuration that uses it.
    static func setUp(_ adjust: (inout ServerConfiguration) -> Void = { _ in }) throws -> (ServerConfiguration, SQLiteTransactionStore) {
        var configuration = TestServer.configuration()
        adjust(&configuration)
        return (configuration, try SQLiteTransactionStore(path: configuration.databasePath))
    }

    /// Local receivers are on 127.0.0.1: the tests allow-list loopback, as an operator would.
    static let loopback = [IPNetwork("127.0.0.0/8")!]

    static func issueKey(_ store: SQLiteTransactionStore, workspace: String = "acme") async throws -> APIKeyIssuer.Issued {
        try await APIKeyIssuer(store: store).createKey(workspace: workspace)
    }

    static func headers(key: APIKey?) -> HTTPFields {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let key { headers[.init("x-api-key")!] = key.description }
        return headers
    }

    static func basic(_ workspace: String, _ password: String) -> HTTPFields {
        [.contentType: "application/json", .authorization: "Basic " + Data("\(workspace):\(password)".utf8).base64EncodedString()]
    }

    static func json(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    /// The seed's synchronous example, with a real photo in `idImage`.
    static func argosBody(image: [UInt8] = TestServer.goodCard, sr: Any = true, pc: Any = true, ps: Any = true,
                          extra: [String: Any] = [:]) -> ByteBuffer {
        var object: [String: Any] = ["idImage": Data(image).base64EncodedString(), "pipelines": ["sr": sr, "pc": pc, "ps": ps]]
        object.merge(extra) { $1 }
        return json(object)
    }

    static func probability(_ raw: Double) -> Double { 1 / (1 + exp(-raw)) }

    /// Verifies a callback's signature headers with the workspace secret.
    static func verify(_ delivery: CallbackReceiver.Delivery, secret: String) -> Bool {
        guard let timestamp = delivery.headers[.init("X-Liveness-Timestamp")!].flatMap(Int.init),
              let signature = delivery.headers[.init("X-Liveness-Signature")!] else { return false }
        return CallbackSignature.verify(body: delivery.body, timestamp: timestamp, secret: secret, signature: signature)
    }
}

extension TestResponse {
    /// The body as a JSON object, or empty (for use inside `#expect`, which cannot throw here).
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:] }

    /// The `error` object of an Argos error body, or empty.
    var errorObject: [String: Any] { object["error"] as? [String: Any] ?? [:] }

    /// `{"error": {...}}` of an Argos error.
    var argosError: [String: Any] {
        get throws { try #require(try json["error"] as? [String: Any]) }
    }
}
