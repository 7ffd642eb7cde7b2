import Foundation

/// Runs numbered items on several threads, each thread with its own worker state (an engine
/// with its OpenCV objects, which must not be shared). Items are handed out in order; the first
/// failure stops the hand-out and is rethrown; results come back in item order.
public enum ParallelWork {
    /// - Parameters:
    ///   - makeWorker: builds one thread's state (called once per thread, on that thread).
    ///   - work: processes item `index` with the thread's state.
    ///   - progress: called after each item with (done, total), from any thread.
    public static func map<Worker, Output>(count: Int, threads: Int, makeWorker: @Sendable () throws -> Worker,
                                           work: @Sendable (Worker, Int) throws -> Output,
                                           progress: @Sendable (Int, Int) -> Void = { _, _ in }) throws -> [Output] {
        let state = Slots<Output>(count: count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, count))) { _ in
            do {
                let worker = try makeWorker()
                while let index = state.next() {
                    state.store(index, try work(worker, index))
                    progress(state.done(), count)
                }
            } catch {
                state.fail(error)
            }
        }
        return try state.collected()
    }
}

/// The hand-out counter, the result slots and the first failure, behind one lock.
private final class Slots<Output>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Output?]
    private var nextIndex = 0, finished = 0
    private var failure: (any Error)?

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.withLock {
            guard failure == nil, nextIndex < slots.count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func store(_ index: Int, _ output: Output) { lock.withLock { slots[index] = output; finished += 1 } }
    func done() -> Int { lock.withLock { finished } }
    func fail(_ error: any Error) { lock.withLock { failure = failure ?? error } }

    func collected() throws -> [Output] {
        try lock.withLock {
            if let failure { throw failure }
            return slots.map { $0! }
        }
    }
}
