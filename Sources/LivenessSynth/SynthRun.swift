import COpenCVShim
import Foundation
import LivenessEngine

/// Generates samples 0..<count on `workers` threads, writing each JPEG as it is made; returns
/// the labels in index order.
public enum SynthRun {
    public static func run(_ generator: SynthGenerator, count: Int, workers: Int, folder: String,
                           progress: @Sendable (Int, Int) -> Void = { _, _ in }) throws -> [SynthLabel] {
        lv_synth_keep_heap()
        return try ParallelWork.map(count: count, threads: workers, makeWorker: {}, work: { _, index in
            do {
                let (jpeg, label) = try generator.sample(index)
                try Data(jpeg).write(to: URL(fileURLWithPath: folder + "/" + label.file))
                return label
            } catch {
                throw SynthError("sample \(index): \(error)")
            }
        }, progress: progress)
    }
}
