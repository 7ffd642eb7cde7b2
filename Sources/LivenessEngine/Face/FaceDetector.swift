import COpenCVShim
import Foundation

/// A face found by a detector: its box, five landmarks when the detector gives them, and a score.
public struct DetectedFace: Sendable, Codable, Equatable {
    public var box: Rect
    /// Right eye, left eye, nose tip, right and left mouth corners (YuNet only).
    public var landmarks: [Point]
    public var score: Double
}

/// Face detection: YuNet (`cv::FaceDetectorYN`) when its ONNX file is installed, else OpenCV's
/// frontal-face Haar cascade from `opencv-data`. Not thread-safe: one instance per worker.
public final class FaceDetector {
    public enum Backend: String, Sendable, Codable { case yunet, haarCascade = "haar-cascade" }

    public let backend: Backend
    private let yunet: OpaquePointer?
    private let cascade: OpaquePointer?

    /// YuNet file name in the model directory.
    public static let yunetFileName = "face_detection_yunet_2022mar.onnx"
    /// Where Debian's `opencv-data` puts the cascades.
    public static let cascadePath = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml"

    /// Loads YuNet from `modelDirectory` when present, else the cascade.
    /// - Parameter scoreThreshold: YuNet's minimum face score. 0.8: the portraits of the real
    ///   grey copies in ../shared score ~1.0; guilloche patterns can reach 0.5-0.6.
    public init(modelDirectory: String?, scoreThreshold: Float = 0.8) throws {
        OpenCV.configure()
        if let modelDirectory, FileManager.default.fileExists(atPath: modelDirectory + "/" + Self.yunetFileName) {
            var handle: OpaquePointer?
            try shimCall { lv_face_detector_create(modelDirectory + "/" + Self.yunetFileName, scoreThreshold, 0.3, 50, &handle, $0) }
            yunet = handle
            cascade = nil
            backend = .yunet
        } else {
            var handle: OpaquePointer?
            try shimCall { lv_cascade_load(Self.cascadePath, &handle, $0) }
            cascade = handle
            yunet = nil
            backend = .haarCascade
        }
    }

    deinit {
        if let yunet { lv_face_detector_release(yunet) }
        if let cascade { lv_cascade_release(cascade) }
    }

    /// Faces in a BGR image, highest score first.
    public func detect(in image: Mat) throws -> [DetectedFace] {
        if let yunet {
            var faces: UnsafeMutablePointer<Float>?, count: Int32 = 0
            try shimCall { lv_face_detect(yunet, image.handle, &faces, &count, $0) }
            let values = takeBuffer(faces, count: Int(count) * 15).map(Double.init)
            return stride(from: 0, to: values.count, by: 15).map { i in
                DetectedFace(box: Rect(x: values[i], y: values[i + 1], width: values[i + 2], height: values[i + 3]),
                             landmarks: (0..<5).map { Point(x: values[i + 4 + 2 * $0], y: values[i + 5 + 2 * $0]) },
                             score: values[i + 14])
            }.sorted { $0.score > $1.score }
        }
        guard let cascade else { return [] }
        let grey = try image.grey()
        var rects: UnsafeMutablePointer<Int32>?, count: Int32 = 0
        let minimum = Int32(max(24, min(image.cols, image.rows) / 12))
        try shimCall { lv_cascade_detect(cascade, grey.handle, 1.1, 4, minimum, &rects, &count, $0) }
        let values = takeBuffer(rects, count: Int(count) * 4).map(Double.init)
        return stride(from: 0, to: values.count, by: 4).map { i in
            DetectedFace(box: Rect(x: values[i], y: values[i + 1], width: values[i + 2], height: values[i + 3]), landmarks: [], score: 1)
        }.sorted { $0.box.area > $1.box.area }
    }

    /// Faces in a BGR image searched at most `maximumSide` pixels across (YuNet finds faces of
    /// 10 px and more, so a selfie needs no more), in the image's own coordinates.
    public func detect(in image: Mat, maximumSide: Int) throws -> [DetectedFace] {
        let (small, scale) = try image.fitting(maxSide: maximumSide)
        guard scale != 1 else { return try detect(in: image) }
        return try detect(in: small).map { face in
            DetectedFace(box: Rect(x: face.box.x / scale, y: face.box.y / scale, width: face.box.width / scale, height: face.box.height / scale),
                         landmarks: face.landmarks.map { $0 * (1 / scale) }, score: face.score)
        }
    }
}
