import Foundation

/// A labelled image set: `labels.jsonl` (one JSON object per line with `file`, `class`
/// `bona_fide`|`attack` (or an attack species as the class, as DLC-2021 writes it), and `species` for attacks — what `liveness synth` writes and
/// ../shared/data uses), or else one folder per class: `bona_fide/` and one folder per attack
/// species (`screen_replay/`, `printed_copy/`, ...).
public struct LabelledSet: Sendable {
    public struct Item: Sendable, Equatable {
        public var path: String
        /// The name reports use: the path relative to the set's folder.
        public var file: String
        public var isAttack: Bool
        public var species: String
    }

    public var items: [Item]

    /// Attack species a set may also give as its class.
    public static let attackSpecies: Set<String> = [
        "screen_replay", "printed_copy", "grey_copy", "portrait_substitution", "digital_manipulation", "printed_photo",
    ]

    public static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "bmp", "tif", "tiff"]

    public init(folder: String) throws {
        let labels = folder + "/labels.jsonl"
        if FileManager.default.fileExists(atPath: labels) {
            let text = try String(contentsOfFile: labels, encoding: .utf8)
            items = try text.split(whereSeparator: \.isNewline).enumerated().map { index, line in
                let label: Label
                do {
                    label = try JSONDecoder().decode(Label.self, from: Data(line.utf8))
                } catch {
                    throw LabelledSetError(message: "\(labels) line \(index + 1): expected {\"file\", \"class\", \"species\"}: \(error)")
                }
                // Sets that name the attack as the class (DLC-2021's "printed_copy") keep it as
                // the species when none is given; any other class is a labelling mistake.
                guard ["bona_fide", "attack"].contains(label.class) || Self.attackSpecies.contains(label.class) else {
                    throw LabelledSetError(message: "\(labels) line \(index + 1): class must be bona_fide, attack or an attack species "
                        + "(\(Self.attackSpecies.sorted().joined(separator: ", "))), not '\(label.class)'")
                }
                let isAttack = label.class != "bona_fide"
                return Item(path: folder + "/" + label.file, file: label.file, isAttack: isAttack,
                            species: isAttack ? (label.species ?? (label.class == "attack" ? "unknown" : label.class)) : "none")
            }
        } else {
            let classes = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            items = try classes.flatMap { name -> [Item] in
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
                return try FileManager.default.contentsOfDirectory(atPath: folder + "/" + name).sorted()
                    .filter { Self.imageExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
                    .map { Item(path: folder + "/" + name + "/" + $0, file: name + "/" + $0, isAttack: name != "bona_fide",
                                species: name == "bona_fide" ? "none" : name) }
            }
        }
        guard !items.isEmpty else { throw LabelledSetError(message: "\(folder): no labels.jsonl and no class folders with images") }
    }

    private struct Label: Decodable {
        var file: String
        var `class`: String
        var species: String?
    }
}

public struct LabelledSetError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
