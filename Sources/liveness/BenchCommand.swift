import ArgumentParser
import LivenessEngine

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Time the engine's stages.")
    func run() async throws {}
}
