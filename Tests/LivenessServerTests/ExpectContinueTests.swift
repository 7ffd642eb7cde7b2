import Foundation
import Hummingbird
import HummingbirdTesting
@testable import LivenessServer
import LivenessTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `Expect: 100-continue` over a real socket: the server answers `100 Continue` before the body
/// is sent (libcurl clients otherwise wait about a second), then the request's own answer.
@Suite(.enabled(if: SharedData.available, "needs ../shared (YuNet model)"), .timeLimit(.minutes(1)))
struct ExpectContinueTests {
    /// Connects to 127.0.0.1:`port`, sends `text`, and reads until `until` appears, the peer
    /// closes, or two seconds pass.
    static func exchange(port: Int, send text: String, socket fd: Int32, until: String) -> String {
        _ = text.withCString { Glibc.send(fd, $0, strlen($0), 0) }
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.contains(until) {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { break }
            received += String(decoding: buffer[0..<n], as: UTF8.self)
        }
        return received
    }

    /// Runs blocking socket calls on their own thread: blocking a cooperative-pool thread could
    /// starve the server under test, which answers on the same pool.
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }

    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(result == 0, "connect")
        return fd
    }

    @Test("100 Continue before the body, then the answer to the request")
    func continueThenAnswer() async throws {
        let app = try buildApplication(configuration: TestServer.configuration(), implementedPipelines: [])
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let fd = try Self.connect(port: port)
            defer { close(fd) }
            let body = "{\"image\": \"%%%\"}"
            let head = "POST /check_face_liveness HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.utf8.count)\r\nExpect: 100-continue\r\n\r\n"
            let interim = await Self.offPool { Self.exchange(port: port, send: head, socket: fd, until: "\r\n\r\n") }
            #expect(interim.hasPrefix("HTTP/1.1 100 Continue"), "\(interim)")
            let answer = await Self.offPool { Self.exchange(port: port, send: body, socket: fd, until: "}") }
            #expect(answer.contains("HTTP/1.1 "), "\(answer)")
            #expect(!answer.contains("100 Continue"))
        }
    }

    @Test("no interim answer without the header")
    func noExpectNoInterim() async throws {
        let app = try buildApplication(configuration: TestServer.configuration(), implementedPipelines: [])
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let fd = try Self.connect(port: port)
            defer { close(fd) }
            let answer = await Self.offPool { Self.exchange(port: port, send: "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n", socket: fd, until: "}") }
            #expect(answer.hasPrefix("HTTP/1.1 200 OK"), "\(answer)")
        }
    }
}
