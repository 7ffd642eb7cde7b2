import ArgumentParser
import Foundation
import LivenessEngine

/// `liveness bench IMAGE...`: median stage times over repeated runs on one thread.
/// Run a release build (`swift run -c release liveness bench ...`); numbers vary with the machine.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Median decode/locate/rectify/validate times per image.")

    @Argument(help: "Images to time.") var images: [String]
    @Option(help: "Timed runs per image (after one warm-up).") var runs = 15
    @Option(help: "Also time these pipelines (comma-separated names) after the document stages, each alone on a fresh input.")
    var pipelines: String?
    @Option(help: "Region the timed pipelines score: document or frame.") var region = "document"
    @Flag(help: "Time the face check instead (decode, detection, quality, every signal) on selfies.") var face = false
    @OptionGroup var engine: EngineOptions

    func run() throws {
        if face { return try benchFaces() }
        let analyzer = try DocumentAnalyzer(configuration: engine.analyzerConfiguration())
        print("image                                   size        decode  locate  rectify validate  total   (median ms of \(runs))")
        for path in images {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            _ = try analyzer.analyse(bytes)
            var samples: [StageTimings] = []
            var size = ""
            for _ in 0..<runs {
                let analysis = try analyzer.analyse(bytes)
                size = "\(analysis.image.width)x\(analysis.image.height)"
                samples.append(analysis.timings)
            }
            func median(_ key: (StageTimings) -> Double) -> String {
                String(format: "%7.1f", samples.map(key).sorted()[samples.count / 2])
            }
            let name = URL(fileURLWithPath: path).lastPathComponent.padding(toLength: 38, withPad: " ", startingAt: 0)
            print("\(name)  \(size.padding(toLength: 10, withPad: " ", startingAt: 0)) \(median(\.decode)) \(median(\.locate)) \(median(\.rectify)) \(median(\.validate)) \(median(\.total))")
            if let pipelines {
                let analysis = try analyzer.analyse(bytes)
                // A photo whose region has nothing to score (no document located) has no pipeline time.
                guard try PipelineRegion.parse(region).pixels(of: analysis) != nil else {
                    print("  pipelines not timed: no document located")
                    continue
                }
                try timePipelines(pipelines, on: analysis)
            }
        }
    }

    /// Median milliseconds of each pipeline alone (its features measured afresh each run).
    private func timePipelines(_ names: String, on analysis: DocumentAnalysis) throws {
        let region = try PipelineRegion.parse(region)
        let list = PipelineNames.parse(names)
        let registry: PipelineRegistry
        do { registry = try PipelineRegistry(implemented: PipelineRegistry.builtIn, availableNames: list) } catch { throw CLIFailure.badInput("\(error)") }
        for descriptor in registry.descriptors {
            let pipeline = try descriptor.makePipeline()
            var samples: [Double] = []
            for _ in 0...runs {
                var elapsed = 0.0
                _ = try measure(&elapsed) { try pipeline.rawScore(PipelineInput(analysis: analysis, region: region)) }
                samples.append(elapsed)
            }
            samples.removeFirst()  // warm-up
            print(String(format: "  %@ [%@] %.1f ms (median of %d)", descriptor.kind.canonicalName, region.rawValue, samples.sorted()[samples.count / 2], runs))
        }
    }

    /// Median milliseconds of the face stages; the signals are all of them (the MiniFASNet pack
    /// when installed, and the physical cues), scored or not.
    private func benchFaces() throws {
        let checker = try engine.faceChecker()
        print("image                                   size        decode  detect quality signals  total   (median ms of \(runs); pack \(checker.networks == nil ? "absent" : "installed"))")
        let request = FaceLivenessRequest(ignoring: Set(FaceStatus.allCases).subtracting([.ok, .faceNotFound]))
        for path in images {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            _ = try checker.check(bytes, request: request)
            var samples: [FaceLivenessResult] = []
            for _ in 0..<runs { samples.append(try checker.check(bytes, request: request)) }
            func median(_ key: (FaceLivenessResult.Timings) -> Double) -> String {
                String(format: "%7.1f", samples.map { key($0.timings) }.sorted()[samples.count / 2])
            }
            let size = "\(samples[0].imageWidth)x\(samples[0].imageHeight)"
            let name = URL(fileURLWithPath: path).lastPathComponent.padding(toLength: 38, withPad: " ", startingAt: 0)
            print("\(name)  \(size.padding(toLength: 10, withPad: " ", startingAt: 0)) \(median(\.decode)) \(median(\.detect)) \(median(\.quality)) \(median(\.signals)) \(median(\.total))"
                + (samples[0].status == .ok ? "" : "  (\(samples[0].status.rawValue))"))
        }
    }
}
