import ArgumentParser
import Foundation
import LivenessEngine

/// `liveness check IMAGE`: analyse one photo and print what the engine found.
/// Exit codes: 0 analysed, 2 bad input, 1 internal error.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Analyse one image: documents, corners, format, portrait, statuses, warnings, timings; or, with --face, a selfie.")

    @Argument(help: "Image file (JPEG, PNG, WebP, BMP, TIFF).") var image: String
    @Flag(help: "Print JSON instead of text.") var json = false
    @Option(help: "Write an annotated copy of the image here (PNG or JPEG).") var debugImage: String?
    @Option(help: "Also print the locator's best N candidate quads (to see why it chose what it did).") var candidates = 0
    @Option(help: ArgumentHelp("Also print how the locator scores this quad (to see why a document was not found).",
                               valueName: "x1,y1,x2,y2,x3,y3,x4,y4")) var scoreQuad: String?
    @Option(help: "Comma-separated pipelines to run (any name or alias, e.g. sr,pc or screen-replay); default none.") var pipelines: String?
    @Option(help: "Region the pipelines score: document (with a margin of its surroundings) or frame (the whole photo).") var region = "document"
    @Option(help: "Calibration level of the probabilities: SOFT, REGULAR, HARD.") var calibration = "REGULAR"
    @Option(help: "Write a per-pipeline heatmap of where the evidence was found (PNG or JPEG; one file per pipeline, named by suffix).")
    var heatmap: String?
    @Flag(help: "Check a selfie's face liveness instead of a document.") var face = false
    @Option(help: "With --face: the signals to fuse, minifasnet, physical or all (default: all installed).") var signals: String?
    @Flag(help: "With --face: score the face whatever its quality statuses (all but FACE_NOT_FOUND).") var ignoreQuality = false
    @OptionGroup var engine: EngineOptions

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: image)))
        } catch {
            throw CLIFailure.badInput("cannot read \(image): \(error.localizedDescription)")
        }
        if face {
            return try FaceCheck(signals: signals, calibration: calibration, ignoreQuality: ignoreQuality, json: json, heatmap: heatmap).run(bytes, engine: engine)
        }
        let analyzer: DocumentAnalyzer
        let decoded: DecodedImage
        let analysis: DocumentAnalysis
        do {
            analyzer = try DocumentAnalyzer(configuration: engine.analyzerConfiguration())
            var timings = StageTimings()
            decoded = try measure(&timings.decode) { () throws(ImageInputError) in try ImageDecoder(limits: engine.limits()).decode(bytes) }
            analysis = try analyzer.analyse(decoded, timings: timings)
        } catch let error as ImageInputError {
            throw CLIFailure.badInput(error.description)
        } catch {
            throw CLIFailure.internal("\(error)")
        }
        let scored = try PipelineRun(pipelines: pipelines, region: region, calibration: calibration).run(on: analysis, by: analyzer, heatmap: heatmap)
        let report = analysis.report(faceDetector: analyzer.faceDetector.backend)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(TextReport.render(report))
        }
        for line in scored { print(line) }
        if candidates > 0 {
            for line in try DocumentLocator(configuration: engine.analyzerConfiguration().locator).candidateSummary(in: decoded.pixels, limit: candidates) {
                print("candidate  \(line)")
            }
        }
        if let scoreQuad {
            let numbers = scoreQuad.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard numbers.count == 8 else { throw ValidationError("--score-quad takes 8 numbers: x1,y1,...,x4,y4 (photo pixels)") }
            let quad = Quad(stride(from: 0, to: 8, by: 2).map { Point(x: numbers[$0], y: numbers[$0 + 1]) })
            for line in try DocumentLocator(configuration: engine.analyzerConfiguration().locator).quadSummary(quad, in: decoded.pixels) {
                print("quad  \(line)")
            }
        }
        if let debugImage {
            let annotated = try DebugImage.render(analysis, on: decoded.pixels)
            let fileExtension = debugImage.lowercased().hasSuffix(".jpg") || debugImage.lowercased().hasSuffix(".jpeg") ? ".jpg" : ".png"
            try Data(annotated.encoded(as: fileExtension, quality: 90)).write(to: URL(fileURLWithPath: debugImage))
        }
    }
}

/// Errors that end the CLI with a specific exit code and a message on stderr.
enum CLIFailure: Error, CustomStringConvertible {
    case badInput(String)
    case `internal`(String)

    var description: String {
        switch self {
        case .badInput(let message): "bad input: \(message)"
        case .internal(let message): "internal error: \(message)"
        }
    }

    var exitCode: Int32 {
        switch self {
        case .badInput: 2
        case .internal: 1
        }
    }
}
