import Foundation
import Hummingbird
import HummingbirdTesting
@testable import LivenessServer
import LivenessTestSupport
import Testing

/// The outbound address policy: judged after DNS resolution, refused unless allow-listed.
@Suite(.timeLimit(.minutes(1)))
struct OutboundPolicyTests {
    static let refused: [(url: String, reason: String)] = [
        ("http://127.0.0.1/", "loopback"),
        ("http://169.254.169.254/", "cloud metadata service"),
        ("http://10.0.0.1/", "private (RFC 1918)"),
        ("http://localhost/", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:10.1.2.3]/", "private (RFC 1918)"),
        ("http://192.168.1.1:8080/x", "private (RFC 1918)"),
        ("http://[fd00::1]/", "private (unique local)"),
    ]

    @Test("loopback, metadata, private and a hostname resolving to loopback are refused with the reason")
    func refusedByDefault() async throws {
        let http = OutboundHTTP(policy: OutboundAddressPolicy())
        for (url, reason) in Self.refused {
            await #expect(throws: OutboundError.self, "\(url)") { _ = try await http.vet(url) }
            do {
                _ = try await http.vet(url)
            } catch {
                #expect(error.kind == .refusedAddress, "\(url)")
                #expect(error.message.contains(": \(reason) address; LIVENESS_OUTBOUND_ALLOW can permit it"), "\(error.message)")
                if url.contains("localhost") { #expect(error.message.contains("localhost (resolves to ")) }
            }
        }
        for url in ["ftp://example.com/", "not a url", "http:///path", "http://localhost./"] {
            do {
                _ = try await http.vet(url)
                Issue.record("\(url) accepted")
            } catch {
                #expect(error.kind == .invalidURL)
            }
        }
    }

    @Test("an allow-list permits exactly the networks it names")
    func allowList() async throws {
        let http = OutboundHTTP(policy: OutboundAddressPolicy(allowed: ["127.0.0.0/8", "::1", "10.0.0.0/8", "169.254.169.254/32"].map { IPNetwork($0)! }))
        for url in ["http://127.0.0.1/", "http://169.254.169.254/", "http://10.0.0.1/", "http://localhost/", "http://[::1]/"] {
            let vetted = try await http.vet(url)
            #expect(http.policy.refusal(for: vetted.address) == nil, "\(url)")
        }
        await #expect(throws: OutboundError.self) { _ = try await http.vet("http://192.168.1.1/") }
        await #expect(throws: OutboundError.self) { _ = try await http.vet("http://169.254.169.253/") }
        #expect(OutboundAddressPolicy().refusal(for: IPAddress("93.184.216.34")!) == nil)
        #expect(OutboundAddressPolicy().refusal(for: IPAddress("2606:2800:220:1:248:1893:25c8:1946")!) == nil)
        #expect(IPNetwork("10.0.0.0/33") == nil && IPNetwork("nonsense") == nil)
    }

    @Test("the generic dialect refuses image URLs inside the network, with IMAGE_URL_REFUSED",
          .enabled(if: SharedData.available, "needs ../shared (YuNet model)"))
    func genericImageURLRefused() async throws {
        let (configuration, store) = try DialectTest.setUp()
        let issued = try await DialectTest.issueKey(store)
        let app = try buildApplication(configuration: configuration, implementedPipelines: TestServer.pipelines(), store: store)
        try await app.test(.router) { client in
            for (url, reason) in Self.refused.prefix(4) {
                try await client.execute(uri: "/api/v1/document/liveness", method: .post, headers: DialectTest.basic("acme", issued.key.description),
                                         body: DialectTest.json(["sessionId": "s", "documentImageBase": url])) { response in
                    #expect(response.status == .badRequest)
                    let json = try response.json
                    #expect(json["error"] as? String == "IMAGE_URL_REFUSED")
                    #expect((json["message"] as? String)?.contains(reason) == true, "\(json)")
                }
            }
        }
    }
}
