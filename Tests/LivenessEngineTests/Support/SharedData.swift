import Foundation

/// Paths into `../shared` (beside the project's root). Tests that need it skip when it is absent.
enum SharedData {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared").path
    }()

    static var available: Bool { FileManager.default.fileExists(atPath: root + "/data/README.md") }
    static var models: String { root + "/models" }
    static var greyCopies: String { root + "/data/dlc2021-greycopy-dev" }
    static var faceSource: String { root + "/data/face-sources/deepface/img1.jpg" }
}
