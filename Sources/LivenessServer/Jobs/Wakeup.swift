import Foundation

/// Lets a request wake the outbox worker as soon as it has written a job, instead of the worker
/// polling. A signal with nobody waiting is kept, so the next wait returns at once (a spurious
/// wake only costs the worker one look at the store).
final class Wakeup: @unchecked Sendable {
    private let lock = NSLock()
    private var signalled = false
    private var waiter: CheckedContinuation<Void, Never>?

    func signal() {
        lock.lock()
        let waiting = waiter
        waiter = nil
        if waiting == nil { signalled = true }
        lock.unlock()
        waiting?.resume()
    }

    /// Returns after a signal, after `timeout`, or when the task is cancelled.
    func wait(timeout: Duration) async {
        let timer = Task { [self] in
            try? await Task.sleep(for: timeout)
            if !Task.isCancelled { signal() }
        }
        defer { timer.cancel() }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                lock.lock()
                if signalled || Task.isCancelled {
                    signalled = false
                    lock.unlock()
                    continuation.resume()
                } else {
                    waiter = continuation
                    lock.unlock()
                }
            }
        } onCancel: {
            signal()
        }
    }
}
