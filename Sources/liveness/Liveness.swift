import ArgumentParser
import Foundation
import LivenessEngine

@main
struct Liveness: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liveness",
        abstract: "Self-hosted presentation-attack detection for identity documents and selfies.",
        subcommands: [ServeCommand.self, CheckCommand.self, SynthCommand.self, SynthFaceCommand.self, EvalCommand.self, CalibrateCommand.self, BenchCommand.self,
                      LocateEvalCommand.self, FeaturesCommand.self, TrainCommand.self, KeysCommand.self]
    )

    /// Maps CLI failures to their exit codes (0 analysed, 2 bad input, 1 internal error).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CLIFailure {
            FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            Foundation.exit(failure.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
