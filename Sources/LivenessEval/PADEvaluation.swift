import Foundation
import LivenessEngine

/// Runs the engine over a labelled set, in parallel (one `LivenessChecker` per worker), and
/// records what each requested pipeline answered for each image.
public enum PADEvaluation {
    /// - Parameters:
    ///   - makeChecker: builds one worker's engine (called once per worker).
    ///   - progress: called after each image with (done, total), from any worker.
    public static func run(_ set: LabelledSet, pipelines: [PipelineKind], workers: Int,
                           makeChecker: @Sendable () throws -> LivenessChecker,
                           progress: @Sendable (Int, Int) -> Void = { _, _ in }) throws -> [ScoreRecord] {
        let items = set.items
        let results = ResultSlots(count: items.count)
        let request = LivenessRequest(pipelines: pipelines.map { LivenessRequest.Pipeline(kind: $0) })
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, items.count))) { _ in
            let checker: LivenessChecker
            do {
                checker = try makeChecker()
            } catch {
                results.fail(error)
                return
            }
            while let index = results.nextIndex() {
                let item = items[index]
                results.store(index, records(for: item, pipelines: pipelines, request: request, checker: checker))
                progress(results.done(), items.count)
            }
        }
        return try results.collected()
    }

    private static func records(for item: LabelledSet.Item, pipelines: [PipelineKind], request: LivenessRequest,
                                checker: LivenessChecker) -> [ScoreRecord] {
        func record(_ kind: PipelineKind, status: String, score: Double?) -> ScoreRecord {
            ScoreRecord(file: item.file, pipeline: kind.canonicalName, isAttack: item.isAttack, species: item.species,
                        status: status, score: score)
        }
        do {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: item.path)))
            let result = try checker.check(bytes, request: request)
            return result.outcomes.map { record($0.pipeline.kind, status: $0.status.rawValue, score: $0.score) }
        } catch let error as ImageInputError {
            return pipelines.map { record($0, status: error.kind.rawValue, score: nil) }
        } catch {
            return pipelines.map { record($0, status: "ENGINE_ERROR", score: nil) }
        }
    }
}

/// Work distribution and result slots shared by the evaluation's workers.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[ScoreRecord]?]
    private var next = 0
    private var finished = 0
    private var failure: (any Error)?

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func nextIndex() -> Int? {
        lock.withLock {
            guard failure == nil, next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func store(_ index: Int, _ records: [ScoreRecord]) {
        lock.withLock {
            slots[index] = records
            finished += 1
        }
    }

    func done() -> Int { lock.withLock { finished } }

    func fail(_ error: any Error) { lock.withLock { failure = failure ?? error } }

    func collected() throws -> [ScoreRecord] {
        try lock.withLock {
            if let failure { throw failure }
            return slots.flatMap { $0 ?? [] }
        }
    }
}
