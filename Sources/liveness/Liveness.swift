import ArgumentParser
import Foundation
import LivenessEngine

@main
struct Liveness: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liveness",
        abstract: "Self-hosted presentation-attack detection for identity documents and selfies.",
        subcommands: [CheckCommand.self, BenchCommand.self, LocateEvalCommand.self]
    )

    /// Maps CLI failures to their exit codes (0 analysed, 2 bad input, 1 internal error).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CLIFailure {
            FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            Foundation.exit(failure.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
