import Foundation
import LivenessEngine
import Logging

/// Everything `liveness serve` can be told. Each value comes from a flag, else its environment
/// variable, else the default:
///
/// | setting | environment | default |
/// |---|---|---|
/// | host | `LIVENESS_HOST` | `0.0.0.0` |
/// | port | `LIVENESS_PORT` | `8080` (the vendor's) |
/// | workers | `LIVENESS_WORKERS` | one per core |
/// | queueLimit | `LIVENESS_QUEUE_LIMIT` | 4 per worker |
/// | maxBodyBytes | `LIVENESS_MAX_BODY_BYTES` | 36 MB (a 25 MB image in base64 plus JSON) |
/// | maxImageBytes | `LIVENESS_MAX_IMAGE_BYTES` | 25 MB |
/// | maxImagePixels | `LIVENESS_MAX_IMAGE_PIXELS` | 50 000 000 |
/// | databasePath | `LIVENESS_DATABASE` | `liveness.sqlite` |
/// | modelDirectory | `LIVENESS_MODEL_DIR` | `./Models-packs` when present, else built-in cascade |
/// | availablePipelines | `LIVENESS_AVAILABLE_PIPELINES`, `IDLIVEDOC_SERVER_AVAILABLE_PIPELINES` | every implemented pipeline |
/// | logLevel | `LIVENESS_LOG_LEVEL` | `info` |
/// | retentionDays | `LIVENESS_RETENTION_DAYS` | 90 (0 keeps transactions forever) |
/// | faceThresholds.minimumFaceSize | `LIVENESS_FACE_MIN_SIZE` | 150 px (see `FaceQualityThresholds`) |
/// | faceThresholds.minimumEyeDistance | `LIVENESS_FACE_MIN_EYE_DISTANCE` | 50 px |
/// | faceThresholds.minimumBorderPadding | `LIVENESS_FACE_MIN_PADDING` | 15 px |
/// | faceThresholds.maximumYaw / maximumPitch | `LIVENESS_FACE_MAX_ANGLE` | 30 degrees |
///
/// Dialects, API keys, outbound requests and callbacks: see `ServerConfiguration+Dialects.swift`.
public struct ServerConfiguration: Sendable {
    public var host = "0.0.0.0"
    public var port = 8080
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    public var queueLimit: Int?
    public var maxBodyBytes = 36_000_000
    public var imageLimits = ImageLimits()
    public var databasePath = "liveness.sqlite"
    public var modelDirectory: String?
    /// Names (canonical or aliases) of the pipelines to offer; nil = every implemented one.
    public var availablePipelines: [String]?
    public var logLevel = Logger.Level.info
    public var retentionDays = 90
    /// How often the retention service deletes old transactions.
    public var retentionInterval = Duration.seconds(3600)
    public var faceThresholds = FaceQualityThresholds()
    public var dialects = Dialects()
    public var outbound = Outbound()
    public var callbacks = Callbacks()

    public init() {}

    /// Waiting checks allowed while every worker is busy.
    public var effectiveQueueLimit: Int { queueLimit ?? 4 * workers }

    /// Reads the environment variables of the table above over the defaults.
    public init(environment: [String: String]) throws(ConfigurationError) {
        func integer(_ key: String) throws(ConfigurationError) -> Int? {
            guard let text = environment[key] else { return nil }
            guard let value = Int(text), value >= 0 else { throw ConfigurationError(key: key, value: text, expected: "a non-negative integer") }
            return value
        }
        host = environment["LIVENESS_HOST"] ?? host
        port = try integer("LIVENESS_PORT") ?? port
        workers = try integer("LIVENESS_WORKERS") ?? workers
        queueLimit = try integer("LIVENESS_QUEUE_LIMIT")
        maxBodyBytes = try integer("LIVENESS_MAX_BODY_BYTES") ?? maxBodyBytes
        imageLimits.maximumEncodedBytes = try integer("LIVENESS_MAX_IMAGE_BYTES") ?? imageLimits.maximumEncodedBytes
        imageLimits.maximumPixels = try integer("LIVENESS_MAX_IMAGE_PIXELS") ?? imageLimits.maximumPixels
        databasePath = environment["LIVENESS_DATABASE"] ?? databasePath
        modelDirectory = environment["LIVENESS_MODEL_DIR"]
            ?? (FileManager.default.fileExists(atPath: "Models-packs") ? "Models-packs" : nil)
        if let list = environment["LIVENESS_AVAILABLE_PIPELINES"] ?? environment["IDLIVEDOC_SERVER_AVAILABLE_PIPELINES"] {
            availablePipelines = Self.splitList(list)
        }
        if let text = environment["LIVENESS_LOG_LEVEL"] {
            guard let level = Logger.Level(rawValue: text.lowercased()) else {
                throw ConfigurationError(key: "LIVENESS_LOG_LEVEL", value: text, expected: Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))
            }
            logLevel = level
        }
        retentionDays = try integer("LIVENESS_RETENTION_DAYS") ?? retentionDays
        faceThresholds.minimumFaceSize = try integer("LIVENESS_FACE_MIN_SIZE").map(Double.init) ?? faceThresholds.minimumFaceSize
        faceThresholds.minimumEyeDistance = try integer("LIVENESS_FACE_MIN_EYE_DISTANCE").map(Double.init) ?? faceThresholds.minimumEyeDistance
        faceThresholds.minimumBorderPadding = try integer("LIVENESS_FACE_MIN_PADDING").map(Double.init) ?? faceThresholds.minimumBorderPadding
        if let angle = try integer("LIVENESS_FACE_MAX_ANGLE").map(Double.init) {
            faceThresholds.maximumYaw = angle
            faceThresholds.maximumPitch = angle
        }
        try readDialectSettings(environment)
        guard workers >= 1 else { throw ConfigurationError(key: "LIVENESS_WORKERS", value: "0", expected: "at least 1") }
    }

    /// `a,b , c` -> `[a, b, c]`.
    public static func splitList(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

public struct ConfigurationError: Error, CustomStringConvertible {
    public let key: String, value: String, expected: String
    public var description: String { "\(key)=\(value): expected \(expected)" }
}
