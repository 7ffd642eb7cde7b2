import Foundation

/// A pipeline's calibration as `liveness calibrate` writes it and the engine loads it
/// (`Models/<pipeline>/<version>/calibration.json`): the operating points and what they were
/// fitted on.
public struct CalibrationFile: Sendable, Codable, Equatable {
    public var pipeline: String
    public var operatingPoints: OperatingPoints
    /// Scored samples the points were fitted on.
    public var bonaFideCount: Int
    public var attackCount: Int
    /// Where the scores came from (a path or a description), and when.
    public var source: String
    public var fittedAt: String

    public init(pipeline: String, operatingPoints: OperatingPoints, bonaFideCount: Int, attackCount: Int, source: String, fittedAt: String) {
        self.pipeline = pipeline
        self.operatingPoints = operatingPoints
        self.bonaFideCount = bonaFideCount
        self.attackCount = attackCount
        self.source = source
        self.fittedAt = fittedAt
    }

    public static func load(path: String) throws -> CalibrationFile {
        try JSONDecoder().decode(CalibrationFile.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}
