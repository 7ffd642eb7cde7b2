import Foundation
import LivenessEngine
import LivenessEval
import LivenessTestSupport
import Synchronization
import Testing

/// A stand-in detector built on a real cue the engine already measures: the document's chroma
/// residual (colour left after the lighting tint is explained). Faded copies carry less colour.
final class ChromaPipeline: LivenessPipeline {
    func rawScore(_ input: PipelineInput) throws -> Double {
        ((input.document?.measurements.chromaResidual ?? 0) - 0.03) * 100
    }
}

/// `PADEvaluation` over a labelled folder of synthetic cards: bona fide colour cards, and
/// "faded copies" (the same cards with three quarters of their colour removed).
@Suite(.enabled(if: SharedData.available, "needs ../shared (face source, YuNet model)"))
struct PADEvaluationTests {
    static func makeSet() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eval-set-\(UUID().uuidString)").path
        for name in ["bona_fide", "faded_copy"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true)
        }
        for index in 0..<4 {
            let card = try SceneBuilder.card(hue: Double(index))
            var faded = card
            let grey = card.greyscale()
            for i in faded.pixels.indices { faded.pixels[i] = UInt8((Double(card.pixels[i]) + 3 * Double(grey.pixels[i])) / 4) }
            let quad = SceneBuilder.cardQuad(cx: 640, cy: 400, width: 600, degrees: Double(index * 3))
            for (name, raster) in [("bona_fide", card), ("faded_copy", faded)] {
                let scene = try SceneBuilder.place(raster, on: SceneBuilder.background(.wood, width: 1280, height: 800, seed: UInt64(index)), at: quad)
                try Data(SceneBuilder.jpeg(scene)).write(to: URL(fileURLWithPath: "\(folder)/\(name)/card\(index).jpg"))
            }
        }
        return folder
    }

    @Test("every image gets a record per pipeline; the report and the fitted points separate the classes")
    func evaluatesAFolder() throws {
        let set = try LabelledSet(folder: Self.makeSet())
        #expect(set.items.count == 8)
        #expect(Set(set.items.map(\.species)) == ["none", "faded_copy"])
        let descriptor = PipelineDescriptor(kind: .printedCopy, modelVersion: "chroma-test",
                                            operatingPoints: OperatingPoints(soft: -1, regular: 0, hard: 1, slope: 1)) { ChromaPipeline() }
        let registry = try PipelineRegistry(implemented: [descriptor])
        let calls = Atomic<Int>(0)
        let records = try PADEvaluation.run(set, pipelines: [.printedCopy], workers: 2, makeChecker: {
            try LivenessChecker(analyzer: DocumentAnalyzer(configuration: .init(modelDirectory: SharedData.models)), registry: registry)
        }, progress: { _, _ in calls.add(1, ordering: .relaxed) })
        #expect(records.count == 8)
        #expect(calls.load(ordering: .relaxed) == 8)
        #expect(records.allSatisfy { $0.status == "OK" && $0.score != nil }, "\(records.map(\.status))")
        let report = PADReport(pipeline: "printed-copy", records: records)
        #expect(report.rows.last?.equalErrorRate == 0)

        let out = FileManager.default.temporaryDirectory.appendingPathComponent("eval-out-\(UUID().uuidString)").path
        try EvaluationOutput.write(records: records, reports: [report], data: "synthetic", to: out)
        #expect(try ScoresCSV.read(String(contentsOfFile: out + "/scores.csv", encoding: .utf8)) == records)
        #expect(try String(contentsOfFile: out + "/report.md", encoding: .utf8).contains("| faded_copy | 4 | 0 |"))
        #expect(try String(contentsOfFile: out + "/det-printed-copy.svg", encoding: .utf8).hasPrefix("<svg"))
    }

    @Test("labels.jsonl: a bad class is refused with its line")
    func badLabels() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try #"{"file": "a.jpg", "class": "attack", "species": "screen_replay"}"#.appending("\n")
            .appending(#"{"file": "b.jpg", "class": "live"}"#).write(toFile: folder + "/labels.jsonl", atomically: true, encoding: .utf8)
        #expect(throws: LabelledSetError.self) { try LabelledSet(folder: folder) }
    }
}
