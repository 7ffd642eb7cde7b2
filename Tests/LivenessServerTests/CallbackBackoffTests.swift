import Foundation
import Hummingbird
@testable import LivenessServer
import LivenessStore
import Logging
import Testing

/// The retry schedule, by an injected clock: a failed delivery is not due again until
/// backoff x 2^(attempts-1) has passed on the clock, and after the last allowed attempt never.
@Suite(.timeLimit(.minutes(1)))
struct CallbackBackoffTests {
    final class FakeClock: @unchecked Sendable {
        private let lock = NSLock()
        private var current = Date(timeIntervalSince1970: 1_790_000_000)
        var now: Date { lock.withLock { current } }
        func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
    }

    @Test("delays 2 s, 4 s, then failed after 3 attempts (LIVENESS_CALLBACK_BACKOFF_MS=2000, MAX_ATTEMPTS=3)")
    func schedule() async throws {
        var configured = ServerConfiguration.Callbacks()
        configured.maxAttempts = 3
        let settings = configured
        #expect(settings.backoff == .seconds(2))
        #expect([1, 2, 3, 12, 40].map { settings.delay(afterAttempts: $0) } == [.seconds(2), .seconds(4), .seconds(8), .seconds(3600), .seconds(3600)])

        let store = try SQLiteTransactionStore(path: TestServer.temporaryDatabase())
        let workspace = try await store.workspace(named: "acme", creatingWithSecret: "secret")
        let clock = FakeClock()
        let receiver = CallbackReceiver(statuses: Array(repeating: .internalServerError, count: 10))
        try await receiver.serve { base in
            try await store.enqueue(AsyncJob(id: "job", workspace: workspace.name, endpoint: "/modules/document", request: "{}",
                                             image: [1], callbackURL: base + "/callback", createdAt: clock.now))
            try await store.completeCheck(id: "job", responseStatus: 200, responseBody: "{}", at: clock.now)
            let service = AsyncJobService(
                store: store, runners: [:],
                sender: CallbackSender(http: OutboundHTTP(policy: OutboundAddressPolicy(allowed: DialectTest.loopback)), timeout: .seconds(10),
                                       now: { clock.now }),
                settings: settings, wakeup: Wakeup(), metrics: ServerMetrics(), logger: Logger(label: "test"), now: { clock.now })
            #expect(await service.runDueJobs() == 1)
            for wait in [2.0, 4.0] {
                clock.advance(wait - 0.001)
                #expect(await service.runDueJobs() == 0, "not due before \(wait) s")
                clock.advance(0.001)
                #expect(await service.runDueJobs() == 1, "due after \(wait) s")
            }
            clock.advance(3600)
            #expect(await service.runDueJobs() == 0, "given up")
            let job = try #require(try await store.job(id: "job"))
            #expect(job.state == .failed && job.attempts == 3)
        }
        #expect(receiver.deliveries.count == 3)
    }
}
