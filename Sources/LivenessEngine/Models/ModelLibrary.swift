import Foundation

/// Finds the project-trained models (`Models/<pipeline>/<version>/`: `model.json`,
/// `calibration.json` for the document region, optional `calibration-frame.json`) and turns them
/// into pipeline descriptors. Loaded once at start.
public enum ModelLibrary {
    /// Where the models are: `$LIVENESS_MODELS`, else `./Models`, else the `Models` folder of the
    /// source tree this binary was built from (so `swift run` and the tests work from anywhere).
    public static func defaultDirectory() -> String? {
        if let configured = ProcessInfo.processInfo.environment["LIVENESS_MODELS"] { return configured }
        let candidates = ["Models", URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Models").path]
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/" + PipelineKind.screenReplay.canonicalName) }
    }

    /// The cue pipelines (screen replay, printed copy) whose model is installed in `directory`,
    /// each at its newest version (or the one `versions` names).
    public static func cueDescriptors(in directory: String, versions: [PipelineKind: String] = [:]) throws -> [PipelineDescriptor] {
        try [PipelineKind.screenReplay, .printedCopy].compactMap { kind in
            let folder = directory + "/" + kind.canonicalName
            guard let version = try versions[kind] ?? installedVersions(in: folder).last else { return nil }
            return try cueDescriptor(kind, folder: folder + "/" + version)
        }
    }

    /// Version folders in ascending order (numeric components compared as numbers: 1.10 > 1.9).
    public static func installedVersions(in folder: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: folder) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { FileManager.default.fileExists(atPath: folder + "/" + $0 + "/model.json") }
            .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
    }

    static func cueDescriptor(_ kind: PipelineKind, folder: String) throws -> PipelineDescriptor {
        let model: CueModel
        let calibration: CalibrationFile
        do {
            model = try CueModel.load(path: folder + "/model.json")
            calibration = try CalibrationFile.load(path: folder + "/calibration.json")
        } catch {
            throw ModelError("\(folder): \(error)")
        }
        let framePath = folder + "/calibration-frame.json"
        let frame = FileManager.default.fileExists(atPath: framePath) ? try CalibrationFile.load(path: framePath) : nil
        _ = try CuePipeline(model: model)  // fail at start, not at the first request
        return PipelineDescriptor(kind: kind, modelVersion: model.version, operatingPoints: calibration.operatingPoints,
                                  frameOperatingPoints: frame?.operatingPoints) { try CuePipeline(model: model) }
    }
}

extension ModelLibrary {
    /// The face-liveness model installed in `directory` (`face-liveness/<version>/`), at its
    /// newest version or `version`; nil when none is installed.
    public static func faceModel(in directory: String, version: String? = nil) throws -> InstalledFaceModel? {
        let folder = directory + "/" + FaceModel.pipeline
        guard let version = try version ?? installedVersions(in: folder).last else { return nil }
        return try InstalledFaceModel.load(folder: folder + "/" + version)
    }

    /// The face model of `defaultDirectory()`, loaded once; `problem` says why there is none.
    public static let builtInFaceModel: (model: InstalledFaceModel?, problem: String?) = {
        guard let directory = defaultDirectory() else { return (nil, "no Models directory found (set LIVENESS_MODELS)") }
        do {
            guard let model = try faceModel(in: directory) else { return (nil, "no \(FaceModel.pipeline) model in \(directory)") }
            return (model, nil)
        } catch {
            return (nil, "\(error)")
        }
    }()
}
