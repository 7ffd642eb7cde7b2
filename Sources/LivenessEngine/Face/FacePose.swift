import Foundation

/// Head pose from YuNet's five landmarks (eyes, nose tip, mouth corners), by a weak-perspective
/// model of an average face: the nose tip stands in front of the plane of the eyes and mouth, so
/// turning the head moves it sideways (yaw) or up and down (pitch) relative to them, while roll
/// turns the eye line itself.
public struct FacePose: Sendable, Codable, Equatable {
    /// Degrees; positive yaw = nose towards image right, positive pitch = nose down.
    public var yaw: Double
    public var pitch: Double
    public var roll: Double
    /// Distance between the eye centres in pixels.
    public var eyeDistance: Double

    /// How far the nose tip stands in front of the eyes' plane, in units of the distance between
    /// the eyes (anthropometric averages: ~30 mm over ~63 mm).
    static let noseDepth = 0.5
    /// Where YuNet's nose tip sits between the eye line (0) and the mouth line (1) in a frontal
    /// view (0.60: the median over the 64 mostly frontal portraits of face-sources/deepface),
    /// and the nose depth in units of the eye-to-mouth distance (~30 mm over ~70 mm).
    static let frontalNoseHeight = 0.60
    static let noseDepthOverEyeMouth = 0.43

    /// Landmarks in YuNet's order: right eye, left eye (as seen in the image: the first is on
    /// the left of the picture), nose tip, right and left mouth corners.
    public init?(landmarks: [Point]) {
        guard landmarks.count == 5 else { return nil }
        let eyeA = landmarks[0], eyeB = landmarks[1], nose = landmarks[2]
        let mouth = (landmarks[3] + landmarks[4]) * 0.5
        let eyes = (eyeA + eyeB) * 0.5
        let axis = eyeB - eyeA
        let distance = axis.length
        guard distance > 1 else { return nil }
        let along = axis * (1 / distance)
        let across = Point(x: -along.y, y: along.x)
        roll = atan2(axis.y, axis.x) * 180 / .pi
        eyeDistance = distance
        // Sideways offset of the nose from the eyes' midpoint, in eye distances.
        let sideways = Point.dot(nose - eyes, along) / distance
        yaw = atan(sideways / Self.noseDepth) * 180 / .pi
        let eyeToMouth = Point.dot(mouth - eyes, across)
        guard eyeToMouth > 1 else {
            pitch = 90
            return
        }
        let height = Point.dot(nose - eyes, across) / eyeToMouth
        pitch = atan((height - Self.frontalNoseHeight) / Self.noseDepthOverEyeMouth) * 180 / .pi
    }
}
