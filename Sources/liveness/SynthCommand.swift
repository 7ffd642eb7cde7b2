import ArgumentParser
import Foundation
import LivenessServer
import LivenessSynth

/// `liveness synth --out DIR --count N --seed S`: labelled synthetic document photos
/// (`labels.jsonl` + JPEGs), reproducible for a seed, made in parallel on every core.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth", abstract: "Generate labelled synthetic document photos: bona fide captures and simulated attacks.")

    @Option(help: "Output folder (created).") var out: String
    @Option(help: "Number of images.") var count: Int
    @Option(help: "Seed: the same seed gives byte-identical images.") var seed: UInt64 = 1
    @Option(help: "Comma-separated species (\(SynthSpecies.allCases.map(\.rawValue).joined(separator: ", "))); default all, in turn.")
    var species: String?
    @Option(help: "Folder of face photos for the portraits.") var faces = "../shared/data/face-sources/deepface"
    @Option(help: "Folder of photos (jpg, png) to lay documents on half the time, instead of a procedural surface.") var backgrounds: String?
    @Option(help: "Largest output side in pixels (images are 1280x720 up to 4032x3024).") var maximumSide = 4032
    @Option(help: "Parallel workers (default: one per core).") var workers = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let kinds: [SynthSpecies] = try Self.species(species)
        guard count > 0 else { throw CLIFailure.badInput("--count must be positive") }
        let generator: SynthGenerator
        do { generator = try SynthGenerator(seed: seed, species: kinds, facesFolder: faces, maximumSide: maximumSide, backgroundsFolder: backgrounds) } catch {
            throw CLIFailure.badInput("\(error)")
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let bar = ProgressBar("synth")
        let start = Date()
        let labels = try SynthRun.run(generator, count: count, workers: workers, folder: out, progress: bar.update)
        try SynthRun.writeLabels(labels, to: out)
        let seconds = Date().timeIntervalSince(start)
        print("wrote \(count) images and labels.jsonl to \(out) in \(String(format: "%.1f", seconds)) s (\(String(format: "%.2f", Double(count) / seconds)) images/s)")
    }
}

extension SynthCommand {
    /// The species a comma-separated `--species` list names, in its order; all of them when nil.
    static func species<Species: RawRepresentable & CaseIterable>(_ list: String?) throws -> [Species] where Species.RawValue == String {
        guard let list else { return Array(Species.allCases) }
        return try ServerConfiguration.splitList(list).map { name in
            guard let kind = Species(rawValue: name) else { throw CLIFailure.badInput("unknown species '\(name)'") }
            return kind
        }
    }
}
