import ArgumentParser
import LivenessEngine

@main
struct Liveness: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liveness",
        abstract: "Self-hosted presentation-attack detection for identity documents and selfies.",
        subcommands: [CheckCommand.self, BenchCommand.self]
    )
}
