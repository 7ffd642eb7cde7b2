import Foundation

/// Paths into `../shared` (beside the project's root). Tests that need it skip when it is absent.
public enum SharedData {
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared").path
    }()

    public static var available: Bool { FileManager.default.fileExists(atPath: root + "/data/README.md") }
    public static var models: String { root + "/models" }
    public static var greyCopies: String { root + "/data/dlc2021-greycopy-dev" }
    public static var faceSource: String { root + "/data/face-sources/deepface/img1.jpg" }
}

extension SharedData {
    public static var screenRecaptures: String { root + "/data/screen-recapture-dev" }

    /// The `labels.jsonl` lines of a set under `data/`, as dictionaries.
    public static func labels(_ folder: String) throws -> [[String: String]] {
        try String(contentsOfFile: folder + "/labels.jsonl", encoding: .utf8).split(whereSeparator: \.isNewline).map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return object.compactMapValues { $0 as? String }
        }
    }
}
