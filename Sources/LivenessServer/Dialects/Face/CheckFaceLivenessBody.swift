import Foundation
import LivenessEngine

/// The JSON body of `POST /check_face_liveness`, validated field by field:
/// `{"image": base64, "calibration"?: "REGULAR", "signals"?: "all", "errors_to_ignore"?: [...]}`.
struct CheckFaceLivenessBody: Decodable {
    var image: String
    var calibration: CalibrationLevel
    var signals: String?
    var errorsToIgnore: [String]

    private enum Key: String, CodingKey {
        case image, calibration, signals, errorsToIgnore = "errors_to_ignore"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.jsonObject(keyedBy: Key.self)
        image = try container.base64Image(.image)
        calibration = try container.calibrationLevel(.calibration)
        signals = try container.optionalString(.signals, expected: ": minifasnet, physical or all")
        errorsToIgnore = try container.errorsToIgnore(.errorsToIgnore)
    }

    /// Face statuses a client may score through; FACE_NOT_FOUND leaves nothing to score.
    static func ignoredStatuses(_ names: [String], field: String) throws(APIError) -> Set<FaceStatus> {
        var ignored = Set<FaceStatus>()
        for (index, name) in names.enumerated() {
            guard let status = FaceStatus(rawValue: name), status != .ok, status != .faceNotFound else {
                let ignorable = FaceStatus.allCases.filter { $0 != .ok && $0 != .faceNotFound }.map(\.rawValue)
                throw .invalidField("\(field)[\(index)]", "'\(name)' cannot be ignored; ignorable: \(ignorable.joined(separator: ", "))")
            }
            ignored.insert(status)
        }
        return ignored
    }
}
