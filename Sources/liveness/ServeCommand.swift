import ArgumentParser
import Foundation
import LivenessServer

/// `liveness serve`: the HTTP server. Flags override the environment variables of the README's
/// configuration table (see `ServerConfiguration`).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the HTTP server (IDLive Doc, Argos and generic document-liveness APIs).")

    @Option(help: "Address to listen on ($LIVENESS_HOST, default 0.0.0.0).") var host: String?
    @Option(help: "Port ($LIVENESS_PORT, default 8080).") var port: Int?
    @Option(help: "Engine worker threads ($LIVENESS_WORKERS, default one per core).") var workers: Int?
    @Option(help: "Checks allowed to wait while every worker is busy; beyond it 408 ($LIVENESS_QUEUE_LIMIT, default 4 per worker).") var queueLimit: Int?
    @Option(help: "Largest request body in bytes ($LIVENESS_MAX_BODY_BYTES, default 36000000).") var maxBodyBytes: Int?
    @Option(help: "Largest encoded image in bytes ($LIVENESS_MAX_IMAGE_BYTES, default 25000000).") var maxImageBytes: Int?
    @Option(help: "Largest image in pixels ($LIVENESS_MAX_IMAGE_PIXELS, default 50000000).") var maxImagePixels: Int?
    @Option(help: "SQLite database file ($LIVENESS_DATABASE, default liveness.sqlite).") var database: String?
    @Option(help: "Model packs directory ($LIVENESS_MODEL_DIR, default ./Models-packs when present).") var modelDir: String?
    @Option(help: "Comma-separated pipelines to offer ($LIVENESS_AVAILABLE_PIPELINES or $IDLIVEDOC_SERVER_AVAILABLE_PIPELINES, default all implemented).") var availablePipelines: String?
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical ($LIVENESS_LOG_LEVEL, default info).") var logLevel: String?
    @Option(help: "Delete transactions older than this many days; 0 keeps them ($LIVENESS_RETENTION_DAYS, default 90).") var retentionDays: Int?

    func run() async throws {
        var environment = ProcessInfo.processInfo.environment
        let overrides: [(String, String?)] = [
            ("LIVENESS_HOST", host), ("LIVENESS_PORT", port.map(String.init)), ("LIVENESS_WORKERS", workers.map(String.init)),
            ("LIVENESS_QUEUE_LIMIT", queueLimit.map(String.init)), ("LIVENESS_MAX_BODY_BYTES", maxBodyBytes.map(String.init)),
            ("LIVENESS_MAX_IMAGE_BYTES", maxImageBytes.map(String.init)), ("LIVENESS_MAX_IMAGE_PIXELS", maxImagePixels.map(String.init)),
            ("LIVENESS_DATABASE", database), ("LIVENESS_MODEL_DIR", modelDir), ("LIVENESS_AVAILABLE_PIPELINES", availablePipelines),
            ("LIVENESS_LOG_LEVEL", logLevel), ("LIVENESS_RETENTION_DAYS", retentionDays.map(String.init)),
        ]
        for case let (key, value?) in overrides { environment[key] = value }
        let configuration: ServerConfiguration
        do {
            configuration = try ServerConfiguration(environment: environment)
        } catch {
            throw CLIFailure.badInput("configuration: \(error)")
        }
        let app = try buildApplication(configuration: configuration)
        try await app.runService()
    }
}
