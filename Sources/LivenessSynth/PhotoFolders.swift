import Foundation

/// The photo files the generator reads: faces, rooms, backgrounds.
enum PhotoFolders {
    static let extensions: Set<String> = ["jpg", "jpeg", "png", "webp"]

    /// Every photo in `folders` (each folder's sorted by name); refused, naming `what` was looked
    /// for, when there is none.
    static func paths(in folders: [String], of what: String) throws -> [String] {
        let paths = folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }.sorted().map { folder + "/" + $0 }
        }
        guard !paths.isEmpty else { throw SynthError("no \(what) (jpg, png, webp) in \(folders.joined(separator: ", "))") }
        return paths
    }
}
