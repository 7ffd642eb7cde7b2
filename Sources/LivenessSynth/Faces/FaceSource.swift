import Foundation
import LivenessEngine

/// A digital photo of a real person, and where its face is: found once, when the generator is
/// made, with the engine's `FaceDetector` (YuNet when its model is installed).
public struct FaceSource: Sendable {
    public var path: String
    /// The photo's folder and file name (`deepface/img1.jpg`), so a split can hold photos out.
    public var name: String
    public var width: Int
    public var height: Int
    /// The face, in the photo's pixels (after its EXIF orientation).
    public var face: Rect

    /// Smallest face kept, in source pixels (height): a smaller face would have to be enlarged
    /// several times to fill 20-60 % of a webcam frame, and would look it.
    static let minimumFaceHeight = 80.0
    /// A second face at least this fraction of the main one's height makes a group photo, which
    /// a selfie is not (and whose label would name only one face): skipped.
    static let secondFaceFraction = 0.5

    /// Every jpg/png/webp photo in `folders` with one clear face, sorted by name; `skipped` lists
    /// the others and why.
    static func load(folders: [String], modelDirectory: String?, workers: Int) throws -> (sources: [FaceSource], skipped: [String]) {
        let found = try PhotoFolders.paths(in: folders, of: "face photos")
        let examined = try ParallelWork.map(count: found.count, threads: workers, makeWorker: { try FaceDetector(modelDirectory: modelDirectory) }) { detector, index in
            try examine(found[index], detector: detector)
        }
        var sources: [FaceSource] = [], skipped: [String] = []
        for result in examined {
            switch result {
            case .success(let source): sources.append(source)
            case .failure(let reason): skipped.append(reason.description)
            }
        }
        guard !sources.isEmpty else { throw SynthError("no usable face photo in \(folders.joined(separator: ", ")): \(skipped.joined(separator: "; "))") }
        return (sources, skipped)
    }

    private static func examine(_ path: String, detector: FaceDetector) throws -> Result<FaceSource, SynthError> {
        let url = URL(fileURLWithPath: path)
        let name = url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent
        let photo: Mat
        do { photo = try ImageDecoder().decode([UInt8](try Data(contentsOf: url))).pixels } catch {
            return .failure(SynthError("\(name): \(error)"))
        }
        // Detected on a copy at most 640 px wide: YuNet finds faces of tens to a few hundred pixels, and gives overlapping duplicates of larger ones.
        let (small, scale) = try photo.fitting(maxSide: 640)
        let faces = try detector.detect(in: small).map { face in
            Rect(x: face.box.x / scale, y: face.box.y / scale, width: face.box.width / scale, height: face.box.height / scale).intersection(photo.bounds)
        }.sorted { $0.height > $1.height }
        guard let main = faces.first else { return .failure(SynthError("\(name): no face found")) }
        guard main.height >= minimumFaceHeight else { return .failure(SynthError("\(name): face only \(Int(main.height)) px high")) }
        if faces.count > 1 && faces[1].height >= secondFaceFraction * main.height {
            return .failure(SynthError("\(name): \(faces.count) faces (a group photo; heights \(faces.map { Int($0.height) }) px)"))
        }
        return .success(FaceSource(path: path, name: name, width: photo.cols, height: photo.rows, face: main))
    }

    func load() throws -> Mat {
        try ImageDecoder().decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))).pixels
    }
}
