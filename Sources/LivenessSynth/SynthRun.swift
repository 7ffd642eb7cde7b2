import COpenCVShim
import Foundation

/// Generates samples 0..<count on `workers` threads, writing each JPEG as it is made; returns
/// the labels in index order.
public enum SynthRun {
    public static func run(_ generator: SynthGenerator, count: Int, workers: Int, folder: String,
                           progress: @Sendable (Int, Int) -> Void = { _, _ in }) throws -> [SynthLabel] {
        lv_synth_keep_heap()
        let state = RunState(count: count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
            while let index = state.next() {
                do {
                    let (jpeg, label) = try generator.sample(index)
                    try Data(jpeg).write(to: URL(fileURLWithPath: folder + "/" + label.file))
                    state.store(index, label)
                    progress(state.done(), count)
                } catch {
                    state.fail(SynthError("sample \(index): \(error)"))
                }
            }
        }
        return try state.labels()
    }
}

private final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [SynthLabel?]
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

    func store(_ index: Int, _ label: SynthLabel) { lock.withLock { slots[index] = label; finished += 1 } }
    func done() -> Int { lock.withLock { finished } }
    func fail(_ error: any Error) { lock.withLock { failure = failure ?? error } }

    func labels() throws -> [SynthLabel] {
        try lock.withLock {
            if let failure { throw failure }
            return slots.compactMap { $0 }
        }
    }
}
