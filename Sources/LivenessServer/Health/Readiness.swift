import Synchronization

/// Whether the server accepts checks; cleared when graceful shutdown begins.
final class Readiness: Sendable {
    private let ready = Atomic<Bool>(true)
    var isReady: Bool { ready.load(ordering: .relaxed) }
    func markShuttingDown() { ready.store(false, ordering: .relaxed) }
}
