import LivenessEngine

/// The answer of `/check_face_liveness`, in the IDLive style: probability and raw score at the
/// requested calibration, the quality status and warnings, the face; details under `x_liveness`.
struct CheckFaceLivenessResponse: Encodable {
    struct Face: Encodable {
        /// x, y, width, height in the photo's pixels (after EXIF orientation).
        var box: [Double]
        /// Right eye, left eye, nose tip, right and left mouth corners (empty with the cascade detector).
        var landmarks: [[Double]]
        var detection_score: Double
        var yaw: Double?
        var pitch: Double?
        var roll: Double?
        var eye_distance: Double?
    }

    struct Extension: Encodable {
        var transaction_id: String
        var engine_version: String
        var model_version: String?
        /// The fused signal set that scored (`minifasnet`, `physical`, `all`).
        var signals: String?
        /// Each MiniFASNet network's real probability (v2 at crop 2.7, v1se at 4.0), with the pack.
        var minifasnet_real_probabilities: [Double]?
        /// Every quality status found, before `errors_to_ignore`.
        var statuses: [String]
        var faces_found: Int
        var image: [String: Int]
        var timings_ms: [String: Double]
    }

    var liveness_probability: Double?
    var liveness_score: Double?
    var calibration: String
    var status_code: String
    var image_quality_warnings: [String]
    var face: Face?
    var x_liveness: Extension

    init(_ completed: CheckService.FaceCompleted) {
        let result = completed.result
        liveness_probability = result.probability.map { ($0 * 1e4).rounded() / 1e4 }
        liveness_score = result.score.map { ($0 * 1e4).rounded() / 1e4 }
        calibration = result.calibration.rawValue
        status_code = result.status.rawValue
        image_quality_warnings = result.quality.warnings.map(\.rawValue)
        face = result.quality.face.map { detected in
            let pose = result.quality.pose
            return Face(box: [detected.box.x, detected.box.y, detected.box.width, detected.box.height].map(\.tenth),
                        landmarks: detected.landmarks.map { [$0.x.tenth, $0.y.tenth] }, detection_score: (detected.score * 1000).rounded() / 1000,
                        yaw: pose?.yaw.tenth, pitch: pose?.pitch.tenth, roll: pose?.roll.tenth, eye_distance: pose?.eyeDistance.tenth)
        }
        let t = result.timings
        x_liveness = Extension(transaction_id: completed.transactionID, engine_version: EngineVersion.current, model_version: result.modelVersion,
                               signals: result.signals?.rawValue,
                               minifasnet_real_probabilities: result.networkProbabilities?.map { ($0 * 1e4).rounded() / 1e4 },
                               statuses: result.quality.statuses.map(\.rawValue), faces_found: result.quality.faceCount,
                               image: ["width": result.imageWidth, "height": result.imageHeight],
                               timings_ms: ["queue": completed.queueMilliseconds.tenth, "decode": t.decode.tenth, "detect": t.detect.tenth,
                                            "quality": t.quality.tenth, "signals": t.signals.tenth, "total": completed.latencyMilliseconds.tenth])
    }
}

extension Double {
    var tenth: Double { (self * 10).rounded() / 10 }
}
