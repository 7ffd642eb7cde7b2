import ArgumentParser
import Foundation
import LivenessServer
import LivenessSynth

/// `liveness synth-face --out DIR --count N --seed S`: labelled synthetic face-check photos (live
/// selfies, printed photos, screen replays) made from photos of real people, reproducible for a
/// seed, in parallel on every core.
struct SynthFaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth-face", abstract: "Generate labelled synthetic face photos: live selfies and simulated print and screen attacks.")

    @Option(help: "Output folder (created).") var out: String
    @Option(help: "Number of images.") var count: Int
    @Option(help: "Seed: the same seed gives byte-identical images.") var seed: UInt64 = 1
    @Option(help: "Comma-separated species (\(FaceSynthSpecies.allCases.map(\.rawValue).joined(separator: ", "))); default all, in turn.")
    var species: String?
    @Option(help: "Comma-separated folders of face photos.")
    var faces = "../shared/data/face-sources/deepface,../shared/data/face-sources/face_recognition"
    @Option(help: "Comma-separated folders of photos for the room behind prints and screens (default: the face photos).")
    var backgrounds: String?
    @Option(help: "Folder with the YuNet face detector (else OpenCV's cascade finds the faces).") var models = "../shared/models"
    @Option(help: "Largest output side in pixels (images are 640x480 up to 1920x1080).") var maximumSide = 1920
    @Option(help: "Parallel workers (default: one per core).") var workers = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let kinds: [FaceSynthSpecies] = try SynthCommand.species(species)
        guard count > 0 else { throw CLIFailure.badInput("--count must be positive") }
        let generator: FaceSynthGenerator
        do {
            generator = try FaceSynthGenerator(seed: seed, species: kinds, faceFolders: ServerConfiguration.splitList(faces),
                                               roomFolders: backgrounds.map(ServerConfiguration.splitList) ?? [],
                                               modelDirectory: models, maximumSide: maximumSide, workers: workers)
        } catch {
            throw CLIFailure.badInput("\(error)")
        }
        for reason in generator.skipped { FileHandle.standardError.write(Data("skipped \(reason)\n".utf8)) }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let bar = ProgressBar("synth-face")
        let start = Date()
        let labels = try SynthRun.run(count: count, workers: workers, folder: out, progress: bar.update) { index in
            let (jpeg, label) = try generator.sample(index)
            return (jpeg, label.file, label)
        }
        try SynthRun.writeLabels(labels, to: out)
        let seconds = Date().timeIntervalSince(start)
        print("wrote \(count) images and labels.jsonl to \(out) from \(generator.sources.count) face photos in \(String(format: "%.1f", seconds)) s "
              + "(\(String(format: "%.2f", Double(count) / seconds)) images/s)")
    }
}
