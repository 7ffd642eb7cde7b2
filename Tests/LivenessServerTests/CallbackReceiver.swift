import Foundation
import Hummingbird
import HummingbirdTesting
@testable import LivenessServer
import Testing

/// A real HTTP receiver for callbacks and image URLs, served by Hummingbird on a free port:
/// `POST /callback` records each delivery and answers the next status of `statuses` (then 200);
/// `GET /image.jpg` serves `image` as image/jpeg (`/slow.jpg` after 3 s), `GET /page.html` serves text/html.
final class CallbackReceiver: @unchecked Sendable {
    struct Delivery: Sendable {
        var headers: HTTPFields
        var body: [UInt8]
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
    }

    private let lock = NSLock()
    private var statuses: [HTTPResponse.Status]
    private var received: [Delivery] = []
    private var waiters: [(count: Int, continuation: CheckedContinuation<[Delivery], Never>)] = []
    let image: [UInt8]

    init(statuses: [HTTPResponse.Status] = [], image: [UInt8] = []) {
        self.statuses = statuses
        self.image = image
    }

    var deliveries: [Delivery] { lock.withLock { received } }

    /// Waits until `count` deliveries have arrived; when the test is cancelled (its time limit),
    /// returns what has arrived so far.
    func waitForDeliveries(_ count: Int) async -> [Delivery] {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                lock.lock()
                if received.count >= count || Task.isCancelled {
                    let all = received
                    lock.unlock()
                    continuation.resume(returning: all)
                } else {
                    waiters.append((count, continuation))
                    lock.unlock()
                }
            }
        } onCancel: {
            lock.lock()
            let all = received, pending = waiters
            waiters = []
            lock.unlock()
            pending.forEach { $0.continuation.resume(returning: all) }
        }
    }

    private func record(_ delivery: Delivery) -> HTTPResponse.Status {
        lock.lock()
        received.append(delivery)
        let status = statuses.isEmpty ? .ok : statuses.removeFirst()
        let ready = waiters.filter { $0.count <= received.count }
        waiters.removeAll { $0.count <= received.count }
        let all = received
        lock.unlock()
        for waiter in ready { waiter.continuation.resume(returning: all) }
        return status
    }

    /// Serves the receiver on 127.0.0.1 and runs `body` with its base URL (`http://127.0.0.1:PORT`).
    func serve<T: Sendable>(_ body: @Sendable (String) async throws -> T) async throws -> T {
        let router = Router()
        router.post("callback") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            return Response(status: self.record(Delivery(headers: request.headers, body: Array(bytes.readableBytesView))))
        }
        router.get("image.jpg") { _, _ in
            Response(status: .ok, headers: [.contentType: "image/jpeg"], body: .init(byteBuffer: ByteBuffer(bytes: self.image)))
        }
        router.get("slow.jpg") { _, _ in
            // Far longer than the test's 0.5 s fetch timeout; short enough not to hold up the receiver's shutdown long.
            try await Task.sleep(for: .seconds(3))
            return Response(status: .ok, headers: [.contentType: "image/jpeg"], body: .init(byteBuffer: ByteBuffer(bytes: self.image)))
        }
        router.get("page.html") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: "<html></html>")))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        return try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(try #require(client.port))")
        }
    }
}
