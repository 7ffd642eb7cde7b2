import ArgumentParser
import LivenessEngine

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Analyse one image.")
    @Argument var image: String
    func run() async throws { print(OpenCV.version) }
}
