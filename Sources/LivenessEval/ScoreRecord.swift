import Foundation

/// One evaluated image: its label and what one pipeline answered.
public struct ScoreRecord: Sendable, Equatable {
    public var file: String
    public var pipeline: String
    /// True for an attack presentation, false for bona fide.
    public var isAttack: Bool
    /// The attack species (`screen_replay`, `printed_copy`, ...); `none` for bona fide.
    public var species: String
    /// `OK` when scored; otherwise the validation status that stopped the pipeline.
    public var status: String
    public var score: Double?

    public init(file: String, pipeline: String, isAttack: Bool, species: String, status: String, score: Double?) {
        self.file = file
        self.pipeline = pipeline
        self.isAttack = isAttack
        self.species = species
        self.status = status
        self.score = score
    }
}

/// The per-image CSV `liveness eval` writes and `liveness calibrate` reads:
/// `file,pipeline,class,species,status,score` with `class` = `bona_fide` | `attack`.
public enum ScoresCSV {
    public static let header = "file,pipeline,class,species,status,score"

    public static func write(_ records: [ScoreRecord]) -> String {
        ([header] + records.map { record in
            [quote(record.file), record.pipeline, record.isAttack ? "attack" : "bona_fide", record.species, record.status,
             record.score.map { String($0) } ?? ""].joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }

    public static func read(_ text: String) throws(ScoresCSVError) -> [ScoreRecord] {
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard lines.first == header else { throw ScoresCSVError(line: 1, message: "expected the header '\(header)'") }
        lines.removeFirst()
        return try lines.enumerated().map { (index, line) throws(ScoresCSVError) in
            let fields = split(line)
            guard fields.count == 6 else { throw ScoresCSVError(line: index + 2, message: "expected 6 fields, found \(fields.count)") }
            guard fields[2] == "attack" || fields[2] == "bona_fide" else {
                throw ScoresCSVError(line: index + 2, message: "class must be attack or bona_fide, not '\(fields[2])'")
            }
            var score: Double?
            if !fields[5].isEmpty {
                guard let value = Double(fields[5]), value.isFinite else { throw ScoresCSVError(line: index + 2, message: "score '\(fields[5])' is not a number") }
                score = value
            }
            guard (fields[4] == "OK") == (score != nil) else {
                throw ScoresCSVError(line: index + 2, message: "a score goes with status OK, and only with it")
            }
            return ScoreRecord(file: fields[0], pipeline: fields[1], isAttack: fields[2] == "attack", species: fields[3],
                               status: fields[4], score: score)
        }
    }

    private static func quote(_ field: String) -> String {
        field.contains(",") || field.contains("\"") ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    /// Splits one CSV line, honouring double-quoted fields (`""` inside quotes is one quote).
    private static func split(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch (quoted, character) {
            case (true, "\""):
                if index + 1 < characters.count, characters[index + 1] == "\"" {
                    current.append("\"")
                    index += 1
                } else {
                    quoted = false
                }
            case (false, "\""): quoted = true
            case (false, ","):
                fields.append(current)
                current = ""
            default: current.append(character)
            }
            index += 1
        }
        fields.append(current)
        return fields
    }
}

public struct ScoresCSVError: Error, CustomStringConvertible {
    public let line: Int
    public let message: String
    public var description: String { "scores CSV line \(line): \(message)" }
}
