import ArgumentParser
import Foundation
import LivenessEngine

/// `liveness bench IMAGE...`: median stage times over repeated runs on one thread.
/// Run a release build (`swift run -c release liveness bench ...`); numbers vary with the machine.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Median decode/locate/rectify/validate times per image.")

    @Argument(help: "Images to time.") var images: [String]
    @Option(help: "Timed runs per image (after one warm-up).") var runs = 15
    @OptionGroup var engine: EngineOptions

    func run() throws {
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
        }
    }
}
