import COpenCVShim
import Foundation
import LivenessEngine

/// Generates samples 0..<count on `workers` threads, writing each JPEG as it is made; returns
/// the labels in index order. Any generator whose sample `index` depends only on its seed and
/// the index can be run this way.
public enum SynthRun {
    /// - Parameter sample: makes sample `index`: its JPEG, its file name in `folder`, its label.
    public static func run<Label: Sendable>(count: Int, workers: Int, folder: String, progress: @Sendable (Int, Int) -> Void = { _, _ in },
                                            sample: @Sendable (Int) throws -> (jpeg: [UInt8], file: String, label: Label)) throws -> [Label] {
        lv_synth_keep_heap()
        return try ParallelWork.map(count: count, threads: workers, makeWorker: {}, work: { _, index in
            do {
                let (jpeg, file, label) = try sample(index)
                try Data(jpeg).write(to: URL(fileURLWithPath: folder + "/" + file))
                return label
            } catch {
                throw SynthError("sample \(index): \(error)")
            }
        }, progress: progress)
    }

    public static func run(_ generator: SynthGenerator, count: Int, workers: Int, folder: String,
                           progress: @Sendable (Int, Int) -> Void = { _, _ in }) throws -> [SynthLabel] {
        try run(count: count, workers: workers, folder: folder, progress: progress) { index in
            let (jpeg, label) = try generator.sample(index)
            return (jpeg, label.file, label)
        }
    }

    /// Writes `labels.jsonl`: one JSON object a line, keys sorted, in index order.
    public static func writeLabels<Label: Encodable>(_ labels: [Label], to folder: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let lines = try labels.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder + "/labels.jsonl", atomically: true, encoding: .utf8)
    }
}
