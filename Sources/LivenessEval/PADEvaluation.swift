import Foundation
import LivenessEngine

/// Runs the engine over a labelled set, in parallel (one `LivenessChecker` per worker), and
/// records what each requested pipeline answered for each image.
public enum PADEvaluation {
    /// - Parameters:
    ///   - region: what the pipelines score (the document, or the whole photo).
    ///   - makeChecker: builds one worker's engine (called once per worker).
    ///   - progress: called after each image with (done, total), from any worker.
    public static func run(_ set: LabelledSet, pipelines: [PipelineKind], region: PipelineRegion = .document,
                           ignoring: Set<ValidationStatus> = [], workers: Int,
                           makeChecker: @Sendable () throws -> LivenessChecker,
                           progress: @Sendable (Int, Int) -> Void = { _, _ in }) throws -> [ScoreRecord] {
        let request = LivenessRequest(pipelines: pipelines.map { LivenessRequest.Pipeline(kind: $0) }, ignoring: ignoring, region: region)
        return try ParallelWork.map(count: set.items.count, threads: workers, makeWorker: makeChecker, work: { checker, index in
            records(for: set.items[index], pipelines: pipelines, request: request, checker: checker)
        }, progress: progress).flatMap { $0 }
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
