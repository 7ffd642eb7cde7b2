import Foundation

/// What the face checks measured on a selfie, and the statuses and warnings they give.
public struct FaceQuality: Sendable, Codable, Equatable {
    /// The subject's face (the largest found), nil when none.
    public var face: DetectedFace?
    /// Every face found, largest first.
    public var faceCount: Int
    public var pose: FacePose?
    /// Variance of the Laplacian on the face resized to `FaceCrops.normalisedFaceSide` px.
    public var sharpness: Double?
    /// Median luma (0-255) of the face box.
    public var medianLuminance: Double?
    public var jpegQuality: Int?
    /// Statuses in order of severity; empty when the face can be scored.
    public var statuses: [FaceStatus]
    public var warnings: [QualityWarning]

    /// The first status, or OK.
    public var status: FaceStatus { statuses.first ?? .ok }

    /// The first status not in `ignored` (FACE_NOT_FOUND is never ignored: nothing to score), or OK.
    public func blockingStatus(ignoring ignored: Set<FaceStatus>) -> FaceStatus {
        statuses.first { !ignored.contains($0) || $0 == .faceNotFound } ?? .ok
    }

    /// Runs every check on `faces` (from `FaceDetector`) found in `image`.
    public static func assess(_ faces: [DetectedFace], in image: Mat, jpegQuality: Int?, thresholds: FaceQualityThresholds) throws -> FaceQuality {
        let ordered = faces.sorted { $0.box.height > $1.box.height }
        guard let face = ordered.first else {
            return FaceQuality(face: nil, faceCount: 0, pose: nil, sharpness: nil, medianLuminance: nil, jpegQuality: jpegQuality,
                               statuses: [.faceNotFound], warnings: [])
        }
        let pose = FacePose(landmarks: face.landmarks)
        var statuses: [FaceStatus] = []
        if ordered.dropFirst().contains(where: { $0.box.height >= thresholds.secondFaceHeightRatio * face.box.height }) {
            statuses.append(.tooManyFaces)
        }
        let box = face.box
        let width = Double(image.cols), height = Double(image.rows)
        // Part of the face outside the picture: the box (YuNet extrapolates it past the edge) or
        // a landmark beyond an edge.
        let outside = box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > height
            || face.landmarks.contains { !$0.x.isBetween(0, width) || !$0.y.isBetween(0, height) }
        let padding = min(box.x, box.y, width - box.x - box.width, height - box.y - box.height)
        if outside { statuses.append(.faceCropped) } else if padding < thresholds.minimumBorderPadding { statuses.append(.faceTooCloseToBorder) }
        if box.height < thresholds.minimumFaceSize || (pose.map { $0.eyeDistance < thresholds.minimumEyeDistance } ?? false) {
            statuses.append(.faceTooSmall)
        }
        if let pose, abs(pose.yaw) > thresholds.maximumYaw || abs(pose.pitch) > thresholds.maximumPitch || abs(pose.roll) > thresholds.maximumRoll {
            statuses.append(.faceAngleTooLarge)
        }

        let visible = box.intersection(image.bounds)
        var sharpness: Double?, luminance: Double?
        var warnings: [QualityWarning] = []
        if visible.width >= 8 && visible.height >= 8 {
            let normalised = try image.cropped(visible).resized(width: FaceCrops.normalisedFaceSide, height: FaceCrops.normalisedFaceSide).grey()
            sharpness = try normalised.laplacianVariance()
            luminance = medianLuma(normalised)
            if sharpness! < thresholds.minimumFaceSharpness { warnings.append(.imageTooBlurry) }
            if !thresholds.faceExposureRange.contains(luminance!) { warnings.append(.poorImageExposure) }
        }
        if let jpegQuality, jpegQuality < thresholds.minimumJPEGQuality { warnings.append(.imageIsTooCompressed) }
        return FaceQuality(face: face, faceCount: ordered.count, pose: pose, sharpness: sharpness, medianLuminance: luminance,
                           jpegQuality: jpegQuality, statuses: statuses, warnings: warnings)
    }

    private static func medianLuma(_ grey: Mat) -> Double {
        var histogram = [Int](repeating: 0, count: 256)
        grey.withBytes { bytes, stride in
            for y in 0..<grey.rows { for x in 0..<grey.cols { histogram[Int(bytes[y * stride + x])] += 1 } }
        }
        return Double(medianOfHistogram(histogram))
    }
}

extension Double {
    func isBetween(_ low: Double, _ high: Double) -> Bool { self >= low && self <= high }
}
