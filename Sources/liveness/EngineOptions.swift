import ArgumentParser
import Foundation
import LivenessEngine

/// Options shared by the commands that run the engine.
struct EngineOptions: ParsableArguments {
    @Option(help: "Directory with model packs (YuNet). Default: $LIVENESS_MODEL_DIR, else ./Models-packs when present, else the built-in Haar cascade.")
    var modelDir: String?
    @Option(help: "Largest encoded image in bytes.") var maxImageBytes = 25_000_000
    @Option(help: "Largest image in pixels.") var maxImagePixels = 50_000_000

    func limits() -> ImageLimits { ImageLimits(maximumEncodedBytes: maxImageBytes, maximumPixels: maxImagePixels) }

    func analyzerConfiguration() -> DocumentAnalyzer.Configuration {
        var configuration = DocumentAnalyzer.Configuration(modelDirectory: resolvedModelDirectory())
        configuration.limits = limits()
        return configuration
    }

    func resolvedModelDirectory() -> String? {
        if let modelDir { return modelDir }
        if let fromEnvironment = ProcessInfo.processInfo.environment["LIVENESS_MODEL_DIR"] { return fromEnvironment }
        return FileManager.default.fileExists(atPath: "Models-packs") ? "Models-packs" : nil
    }
}

extension EngineOptions {
    func faceConfiguration() -> FaceLivenessChecker.Configuration {
        var configuration = FaceLivenessChecker.Configuration(modelDirectory: resolvedModelDirectory())
        configuration.limits = limits()
        return configuration
    }

    /// A face checker with the installed face model.
    func faceChecker() throws -> FaceLivenessChecker {
        try FaceLivenessChecker(configuration: faceConfiguration(), model: ModelLibrary.builtInFaceModel.model)
    }
}
