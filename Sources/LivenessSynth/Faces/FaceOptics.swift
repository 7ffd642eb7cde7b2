import Foundation

/// The face-check camera's optics, and what they make of an object at a given distance.
///
/// A webcam or a phone's front camera has a short lens (about 3 mm) at f/2 or so, an entrance
/// pupil of 1-2 mm, and either a fixed focus (set for a face at arm's length, 0.5-1.5 m) or an
/// autofocus that cannot come nearer than 20-40 cm. A live face (about 19 cm from brow to chin
/// in a face detector's box) filling half the frame's height stands 40-70 cm away, where either
/// is nearly sharp. The face on a print or a phone is 3-8 cm tall: for it to fill the same part
/// of the frame the attacker must hold the medium 4-6 times nearer, inside the camera's near
/// focus limit, so the recaptured face is out of focus. That, and the tremor of the hand
/// holding it (which moves a near object across many more pixels than a head's sway at arm's
/// length), is why real recaptures are blurrier than live faces; the simulation derives both
/// from the distance instead of drawing a blur per class.
struct FaceOptics {
    /// The field of view across the frame's height, in radians.
    var verticalFieldOfView: Double
    /// The entrance pupil's diameter, in metres.
    var aperture: Double
    /// Where a fixed-focus camera is focused (metres); nil for an autofocus.
    var fixedFocus: Double?
    /// The nearest distance an autofocus reaches (metres).
    var nearLimit: Double
    /// An autofocus's residual error, in dioptres.
    var focusError: Double
    /// The lens's own PSF at best focus (sigma in scene pixels).
    var basePSF: Double
    /// The ISP's luma noise reduction (bilateral range sigma, 0-1 scale): every webcam and phone
    /// has one, tuned to its sensor's noise, so fine detail survives where the scene has it
    /// (skin, hair, eyelashes in focus) and flat or blurred areas come out clean.
    var denoise: Double
    /// Auto-exposure's weight on the middle of the frame: webcams and phones meter on the face
    /// (face-priority) or the centre, not on the whole frame's mean.
    var centreWeight: Double

    /// A face held, on average, 19 cm from brow to chin (a face detector's box), give or take.
    static let liveFaceMillimetres = 190.0

    static func draw(frame: FaceCapture.Frame, random: inout SynthRandom) -> FaceOptics {
        // 55-78 degrees across the longer side, as webcams and front cameras.
        let long = random.uniform(55, 78) * .pi / 180
        let ratio = Double(frame.height) / Double(max(frame.width, frame.height))
        let vertical = 2 * atan(tan(long / 2) * ratio)
        let aperture = random.uniform(1.0, 2.0) / 1000
        // Most webcams and front cameras have a fixed focus (75 %): a webcam (landscape) is set
        // for a face at 0.5-1.2 m, a phone's front camera (portrait) for a selfie at arm's
        // length, 0.3-0.7 m. The others focus on the subject down to their near limit.
        let fixed: Double? = random.chance(0.75) ? (frame.height > frame.width ? random.uniform(0.3, 0.7) : random.uniform(0.5, 1.2)) : nil
        return FaceOptics(verticalFieldOfView: vertical, aperture: aperture, fixedFocus: fixed, nearLimit: random.uniform(0.2, 0.4),
                          focusError: random.uniform(-0.15, 0.15), basePSF: random.uniform(0.3, 0.7),
                          denoise: random.uniform(0.015, 0.05), centreWeight: random.uniform(0.5, 0.9))
    }

    /// How far (metres) an object `millimetres` tall stands when it spans `fraction` of the frame's height.
    func distance(ofObject millimetres: Double, spanning fraction: Double) -> Double {
        millimetres / 1000 / (max(0.02, fraction) * 2 * tan(verticalFieldOfView / 2))
    }

    /// Scene pixels per radian near the optical axis.
    func focalPixels(_ frame: FaceCapture.Frame) -> Double {
        Double(frame.sceneHeight) / (2 * tan(verticalFieldOfView / 2))
    }

    /// The blur (Gaussian sigma, scene pixels) of an object `distance` metres away: the defocus
    /// disc's diameter is the pupil times the focus error in dioptres times the focal length in
    /// pixels; a disc of diameter D has the variance of a Gaussian with sigma D / 4. Added to the
    /// lens's own PSF in quadrature.
    func blur(at distance: Double, frame: FaceCapture.Frame) -> (sigma: Double, dioptres: Double) {
        let focus = fixedFocus ?? max(nearLimit, distance)
        var dioptres = abs(1 / distance - 1 / focus)
        if fixedFocus == nil { dioptres = abs(dioptres + focusError) }
        let disc = aperture * dioptres * focalPixels(frame)
        return ((basePSF * basePSF + disc * disc / 16).squareRoot(), dioptres)
    }

    /// The motion blur's length (scene pixels) of an object `distance` metres away that moves
    /// `millimetres` during the exposure.
    func motion(of millimetres: Double, at distance: Double, frame: FaceCapture.Frame) -> Double {
        millimetres / 1000 / distance * focalPixels(frame)
    }

    /// The optics for an object of `millimetres` spanning `fraction` of the frame's height,
    /// moving by `movement` mm during the exposure; with the parameters for the label.
    func capture(objectMillimetres millimetres: Double, fraction: Double, movement: Double, frame: FaceCapture.Frame)
        -> (optics: (lensBlur: Double, motionLength: Double), parameters: [String: Double]) {
        let distance = distance(ofObject: millimetres, spanning: fraction)
        let (sigma, dioptres) = blur(at: distance, frame: frame)
        let length = motion(of: movement, at: distance, frame: frame)
        return ((sigma, length), ["object_distance_m": distance, "defocus_dioptres": dioptres, "fixed_focus": fixedFocus ?? 0,
                                  "aperture_mm": aperture * 1000, "movement_mm": movement, "face_fraction": fraction])
    }
}
