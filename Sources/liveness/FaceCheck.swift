import Foundation
import LivenessEngine

/// `liveness check --face IMAGE`: one selfie's face, quality and fused liveness score.
struct FaceCheck {
    var signals: String?
    var calibration: String
    var ignoreQuality: Bool
    var json: Bool
    var heatmap: String?

    func run(_ bytes: [UInt8], engine: EngineOptions) throws {
        guard let level = CalibrationLevel(rawValue: calibration) else { throw CLIFailure.badInput("unknown calibration '\(calibration)'") }
        let request = FaceLivenessRequest(signals: try signals.map(Self.parseSignals), calibration: level,
                                          ignoring: ignoreQuality ? FaceSet.qualityStatuses : [])
        let checker: FaceLivenessChecker
        let result: FaceLivenessResult
        do {
            checker = try engine.faceChecker()
            result = try checker.check(bytes, request: request)
        } catch let error as ImageInputError {
            throw CLIFailure.badInput(error.description)
        } catch let error as FaceLivenessError {
            throw CLIFailure.badInput(error.description)
        } catch {
            throw CLIFailure.internal("\(error)")
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            print(Self.text(result, checker: checker))
        }
        if let heatmap {
            // The photo decoded once more (the check keeps no pixels); its cues come from the check.
            try writeHeatmap(try ImageDecoder(limits: checker.configuration.limits).decode(bytes).pixels, result: result, checker: checker, to: heatmap)
        }
    }

    static func parseSignals(_ name: String) throws -> FaceSignals {
        guard let signals = FaceSignals(rawValue: name.lowercased()) else {
            throw CLIFailure.badInput("unknown signals '\(name)' (minifasnet, physical, all)")
        }
        return signals
    }

    static func text(_ result: FaceLivenessResult, checker: FaceLivenessChecker) -> String {
        var lines = ["image      \(result.imageWidth)x\(result.imageHeight)",
                     "detector   \(checker.detector.backend.rawValue); MiniFASNet pack \(checker.networks == nil ? "not installed" : "installed")"]
        let quality = result.quality
        if let face = quality.face {
            lines.append(String(format: "face       box %.0f,%.0f %.0fx%.0f score %.2f (%d face(s) found)",
                                face.box.x, face.box.y, face.box.width, face.box.height, face.score, quality.faceCount))
        }
        if let pose = quality.pose {
            lines.append(String(format: "pose       yaw %.0f pitch %.0f roll %.0f degrees, eyes %.0f px apart", pose.yaw, pose.pitch, pose.roll, pose.eyeDistance))
        }
        lines.append("status     \(result.status.rawValue)" + (quality.statuses.isEmpty ? "" : "  (all: \(quality.statuses.map(\.rawValue).joined(separator: ", ")))"))
        if !quality.warnings.isEmpty { lines.append("warnings   \(quality.warnings.map(\.rawValue).joined(separator: ", "))") }
        if let probabilities = result.networkProbabilities {
            lines.append("minifasnet " + zip(AntiSpoofingNetworks.networks, probabilities).map { String(format: "%@ real %.3f", $0.0.fileName, $0.1) }.joined(separator: ", "))
        }
        if let score = result.score, let probability = result.probability, let signals = result.signals {
            lines.append(String(format: "liveness   [%@, %@] score %.3f probability %.3f (%@)", signals.rawValue, result.calibration.rawValue,
                                score, probability, probability > 0.5 ? "live" : "attack"))
        } else if result.status == .ok {
            lines.append("liveness   not scored: no face model installed (\(ModelLibrary.builtInFaceModel.problem ?? "no calibrated signal set"))")
        }
        let t = result.timings
        lines.append(String(format: "timings    decode %.1f ms, detect %.1f ms, quality %.1f ms, signals %.1f ms, total %.1f ms",
                            t.decode, t.detect, t.quality, t.signals, t.total))
        return lines.joined(separator: "\n")
    }

    /// The face with 2.7x context, its spectral tiles painted by the fused head's evidence and
    /// the face box drawn.
    private func writeHeatmap(_ image: Mat, result: FaceLivenessResult, checker: FaceLivenessChecker, to path: String) throws {
        guard let face = result.quality.face, let cues = result.cues, let signals = result.signals,
              let head = checker.model?.model.head(for: signals) else {
            throw CLIFailure.badInput("no heatmap: the face was not scored (\(result.status.rawValue))")
        }
        let context = try image.cropped(cues.contextBox)
        let painted = try EvidenceHeatmap.render(region: context, tiles: cues.tiles, tileSize: cues.tileSide, head: head)
        let canvas = try Canvas(copying: painted)
        let box = face.box
        try canvas.polygon(Rect(x: box.x - cues.contextBox.x, y: box.y - cues.contextBox.y, width: box.width, height: box.height).corners,
                           color: Canvas.Color.cyan, thickness: 2)
        let fileExtension = path.lowercased().hasSuffix(".jpg") || path.lowercased().hasSuffix(".jpeg") ? ".jpg" : ".png"
        try Data(canvas.image.encoded(as: fileExtension, quality: 90)).write(to: URL(fileURLWithPath: path))
    }
}
