import COpenCVShim
import Foundation
import LivenessEngine

/// A phone camera photographing a flat object (a card, a screen, a print) on a surface.
///
/// The scene is composed on the sensor's pixel grid, finer than the output image (phones bin or
/// downscale a 12-50 MP sensor): twice the output resolution, up to 6000 px. The object is placed
/// by a pinhole projection (tilt up to 35 degrees about a random axis, any roll, 15-80 % of the
/// frame), lit by a gradient of a given colour temperature, and captured through
/// `lv_synth_capture`: lens PSF, RGGB Bayer mosaic with shot and read noise, demosaicing, white
/// balance, gamma, the ISP's downscaling, sharpening, then JPEG.
struct CameraCapture {
    static let maximumSensorSide = 6000.0
    static let outputSizes = [(1280, 720), (1920, 1080), (2560, 1440), (3264, 2448), (4032, 3024)]

    struct Shot {
        var jpeg: [UInt8]
        var width: Int
        var height: Int
        /// The homography from the object's pixels to the output image's pixels.
        var homography: [Double]
        var parameters: [String: Double]
    }

    /// A sheet the object lies on (a print-out on A4): the sheet's image and where the object sits
    /// on it (the homography from the object's pixels to the sheet's).
    struct Carrier {
        var image: Mat
        var placement: [Double]
        /// The physical size of one of the sheet's pixels.
        var millimetresPerPixel: Double
    }

    /// Photographs `object` (only its aspect matters, not its pixel size) so that it, or the
    /// `carrier` sheet it lies on, covers `areaFraction` of the frame.
    /// - Parameters:
    ///   - surroundings: how brightly the surface is lit relative to the object (below 1 for a
    ///     self-luminous screen, which outshines the room it is photographed in).
    ///   - subject: the part of `object` the photographer frames (in its pixels), when not the
    ///     whole: it is placed in the frame at `areaFraction`, and the rest of the object extends
    ///     around it, past the frame's edges if need be (a close-up of a document on a screen).
    ///   - glare: the light mirrored in the object's laminate (its position in the object's pixels).
    ///   - background: a photo to lay the object on instead of the drawn procedural surface (the
    ///     draws are made either way, so the rest of the shot is the same).
    ///   - millimetresPerPixel: the physical size of one of the object's pixels, so that a
    ///     surface with print on it (a newspaper) is drawn at its real size beside it.
    ///   - contact: the shadow of the thickness of what lies on the surface (the carrier, else the
    ///     object); nil: none (a screen's picture).
    static func photograph(_ object: Mat, random: inout SynthRandom, maximumSide: Int, areaFraction: ClosedRange<Double> = 0.15...0.8,
                           maximumTilt: Double = 35, surroundings: Double = 1, carrier: Carrier? = nil, subject: Rect? = nil,
                           glare: LaminateGlare? = nil, background: PhotoBackground? = nil,
                           millimetresPerPixel: Double = 1 / CardRenderer.pixelsPerMillimetre, contact: ContactShadow? = nil) throws -> Shot {
        let sizes = outputSizes.filter { max($0.0, $0.1) <= maximumSide }
        var (width, height) = random.pick(sizes.isEmpty ? [outputSizes[0]] : sizes)
        if random.chance(0.5) { swap(&width, &height) }
        let supersample = min(2, Self.maximumSensorSide / Double(max(width, height)))
        let sceneWidth = Int(Double(width) * supersample), sceneHeight = Int(Double(height) * supersample)
        let surface = random.pick(Surface.photographed)
        let base = surface.colour(&random)
        let surfaceSeed = random.seed()
        let placed = carrier?.image ?? object
        let framed = subject ?? placed.bounds
        let quad = try pose(aspect: framed.width / framed.height, sceneWidth: Double(sceneWidth), sceneHeight: Double(sceneHeight),
                            areaFraction: random.uniform(areaFraction.lowerBound, areaFraction.upperBound), maximumTilt: maximumTilt, random: &random)
        // Scene pixels per millimetre where the object lies (its framed part's mean scale).
        let pixelsPerMillimetre = (quad.area / (framed.width * framed.height)).squareRoot() / (carrier?.millimetresPerPixel ?? millimetresPerPixel)
        let scene = SynthCanvas(try background?.render(width: sceneWidth, height: sceneHeight, brightness: surroundings)
                                ?? Surface.make(surface, width: sceneWidth, height: sceneHeight,
                                                colour: (base.b * surroundings, base.g * surroundings, base.r * surroundings), seed: surfaceSeed,
                                                pixelsPerMillimetre: pixelsPerMillimetre))
        let carrierToScene = try Geometry.homography(from: framed.corners, to: quad.corners)
        try contact?.cast(around: Quad(placed.bounds.corners.map { Geometry.apply(carrierToScene, to: $0) }),
                          pixelsPerMillimetre: pixelsPerMillimetre, on: scene)
        if let carrier { try integrate(carrier.image, onto: scene, by: carrierToScene) }
        let toScene = carrier.map { carrierToScene.multiplied(by: $0.placement) } ?? carrierToScene
        try integrate(object, onto: scene, by: toScene)
        let shadowed = random.chance(0.3)
        if shadowed { try castShadow(on: scene, random: &random) }

        let reflection = glare?.shim(homography: toScene, width: Double(object.cols), height: Double(object.rows))
        let exposed = try expose(scene.image, width: width, height: height, random: &random, glare: reflection)
        let toOutput = [1 / supersample, 0, 0, 0, 1 / supersample, 0, 0, 0, 1].multiplied(by: toScene)
        var parameters = exposed.parameters.merging(["surface": background == nil ? Double(surface.rawValue) : -1, "sensor_scale": supersample,
                                                     "shadow": shadowed ? 1 : 0]) { $1 }.merging(contact?.parameters ?? [:]) { $1 }
        if let glare { parameters.merge(glare.parameters(width: Double(object.cols), height: Double(object.rows))) { $1 } }
        if let background { parameters.merge(background.parameters) { $1 } }
        return Shot(jpeg: exposed.jpeg, width: width, height: height, homography: toOutput, parameters: parameters)
    }

    /// The camera proper, on a scene drawn at the sensor's resolution: a light of random colour
    /// temperature with a gradient, lens PSF (sometimes defocus or motion), Bayer mosaic with shot
    /// and read noise, imperfect white balance, the ISP's downscaling to `width` x `height`,
    /// sharpening, JPEG at quality 60-95.
    /// - Parameter optics: the blur the caller worked out from where the object stood (lens PSF
    ///   and defocus as one Gaussian sigma, and the motion blur's length, both in scene pixels);
    ///   nil: drawn here (sometimes defocus or motion, as a document on a desk). The draws are
    ///   made either way, so callers without it get the images they always got.
    ///   - denoise: the ISP's luma noise reduction (`FaceOptics.denoise`); 0: none (as before).
    ///   - centreWeight: auto-exposure's weight on the frame's middle; 0: the whole frame's mean.
    ///   - roomKelvin: the room light's colour temperature when the caller drew it (to keep a
    ///     self-luminous screen's light out of it); nil: drawn here.
    ///   - glare: a laminate's reflection of the light, added to the scene's linear light.
    static func expose(_ scene: Mat, width: Int, height: Int, random: inout SynthRandom,
                       optics: (lensBlur: Double, motionLength: Double)? = nil, denoise: Double = 0, centreWeight: Double = 0, kelvin roomKelvin: Double? = nil,
                       glare: lv_synth_glare? = nil) throws -> (jpeg: [UInt8], parameters: [String: Double]) {
        var kelvin = random.uniform(2800, 7500)
        if let roomKelvin { kelvin = roomKelvin }
        let light = lightColour(kelvin: kelvin)
        let balanceError = (random.uniform(0.92, 1.08), random.uniform(0.96, 1.04), random.uniform(0.92, 1.08))
        var parameters = lv_capture_params()
        parameters.width = Int32(width)
        parameters.height = Int32(height)
        parameters.lens_blur = random.chance(0.1) ? random.uniform(2.5, 5) : random.uniform(0.3, 0.7)
        parameters.motion_length = random.chance(0.1) ? random.uniform(3, 14) : 0
        parameters.motion_angle = random.uniform(0, .pi)
        if let optics {
            parameters.lens_blur = optics.lensBlur
            parameters.motion_length = optics.motionLength
        }
        parameters.exposure = random.uniform(0.75, 1.35)
        parameters.gradient_x = random.uniform(-0.5, 0.5)
        parameters.gradient_y = random.uniform(-0.5, 0.5)
        parameters.light = (light.b, light.g, light.r)
        parameters.white_balance = (balanceError.0 / light.b, balanceError.1 / light.g, balanceError.2 / light.r)
        parameters.shot_noise = random.uniform(0.0003, 0.003)
        parameters.read_noise = random.uniform(0.001, 0.006)
        parameters.sharpen = random.uniform(0.2, 1.0)
        parameters.seed = random.seed()
        parameters.denoise = denoise
        parameters.centre_weight = centreWeight
        let captured = try Mat.make { out, error in
            withUnsafePointer(to: parameters) { parameters in
                guard var glare else { return lv_synth_capture(scene.handle, parameters, out, error) }
                return lv_synth_capture_glare(scene.handle, parameters, &glare, out, error)
            }
        }
        let quality = random.integer(60...95)
        return (try captured.encoded(as: ".jpg", quality: quality),
                ["kelvin": kelvin, "lens_blur": parameters.lens_blur, "motion_length": parameters.motion_length,
                 "exposure": parameters.exposure, "shot_noise": parameters.shot_noise, "read_noise": parameters.read_noise,
                 "sharpen": parameters.sharpen, "jpeg_quality": Double(quality)].merging(denoise > 0 ? ["denoise": denoise, "centre_weight": centreWeight] : [:]) { $1 })
    }

    /// The image of a flat rectangle of the given aspect seen by a pinhole camera: tilted by up to
    /// `maximumTilt` degrees about a random in-plane axis, rolled, and covering about
    /// `areaFraction` of the frame (less when that does not fit), wholly inside it.
    /// - Parameter upright: held roughly level (roll within 10 degrees), as a face is shown to a
    ///   camera; otherwise any roll, as a document lies on a desk.
    static func pose(aspect: Double, sceneWidth: Double, sceneHeight: Double, areaFraction: Double, maximumTilt: Double,
                     upright: Bool = false, random: inout SynthRandom) throws -> Quad {
        let focal = 0.9 * max(sceneWidth, sceneHeight)
        var areaFraction = areaFraction
        for _ in 0..<60 {
            defer { areaFraction *= 0.96 }  // too big for this pose and frame shape: come back a little
            let tilt = random.uniform(0, maximumTilt) * .pi / 180, axis = random.uniform(0, .pi)
            let roll: Double
            if upright {
                roll = random.uniform(-10, 10) * .pi / 180
            } else {
                let rollChoice = random.uniform(0, 1)
                roll = (rollChoice < 0.7 ? random.uniform(-15, 15) : rollChoice < 0.9 ? random.pick([-90.0, 90]) + random.uniform(-15, 15)
                        : 180 + random.uniform(-15, 15)) * .pi / 180
            }
            // A unit-width rectangle, rolled, then tilted about the axis at angle `axis`.
            let corners3D = [(-0.5, -0.5 / aspect), (0.5, -0.5 / aspect), (0.5, 0.5 / aspect), (-0.5, 0.5 / aspect)].map { (x, y) -> (Double, Double, Double) in
                let xr = x * cos(roll) - y * sin(roll), yr = x * sin(roll) + y * cos(roll)
                // rotate into the axis frame, tilt about its x axis, rotate back
                let xa = xr * cos(-axis) - yr * sin(-axis), ya = xr * sin(-axis) + yr * cos(-axis)
                let yt = ya * cos(tilt), zt = ya * sin(tilt)
                return (xa * cos(axis) - yt * sin(axis), xa * sin(axis) + yt * cos(axis), zt)
            }
            // Distance so that the projected area is about the requested fraction.
            let targetArea = areaFraction * sceneWidth * sceneHeight
            let distance = focal * sqrt((1 / aspect) / targetArea)
            let centre = (x: sceneWidth * random.uniform(0.3, 0.7), y: sceneHeight * random.uniform(0.3, 0.7))
            let offset = (x: (centre.x - sceneWidth / 2) * distance / focal, y: (centre.y - sceneHeight / 2) * distance / focal)
            let quad = Quad(corners3D.map { corner in
                let z = distance + corner.2
                return Point(x: sceneWidth / 2 + focal * (corner.0 + offset.x) / z, y: sceneHeight / 2 + focal * (corner.1 + offset.y) / z)
            })
            let margin = 0.02 * min(sceneWidth, sceneHeight)
            if quad.corners.allSatisfy({ $0.x > margin && $0.y > margin && $0.x < sceneWidth - margin && $0.y < sceneHeight - margin }) {
                return quad
            }
        }
        throw SynthError("could not place the object inside the frame")
    }

    /// Warps `image` onto the scene, integrating it over a scene pixel where it is shrunk: the
    /// Gaussian with the variance of a box one scene pixel wide (sigma = width / sqrt 12). A wider
    /// blur would wipe out detail (a display's pixel grid) that the sensor's own sampling must
    /// still alias.
    private static func integrate(_ image: Mat, onto scene: SynthCanvas, by homography: [Double]) throws {
        let topEdge = image.bounds.corners.prefix(2).map { Geometry.apply(homography, to: $0) }
        let shrink = Double(image.cols) / max(1, (topEdge[1] - topEdge[0]).length)
        try scene.warp(image, homography: homography, prefilter: shrink > 1.5 ? shrink / 12.0.squareRoot() : 0)
    }

    /// A soft-edged shadow (a hand, a phone) falling across part of the scene.
    private static func castShadow(on scene: SynthCanvas, random: inout SynthRandom) throws {
        let w = Double(scene.image.cols), h = Double(scene.image.rows)
        let start = Point(x: random.uniform(0, w), y: -0.1 * h), end = Point(x: random.uniform(0, w), y: 1.1 * h)
        let thickness = random.uniform(0.1, 0.35) * w
        try scene.shade([start, Point(x: start.x + thickness, y: start.y), Point(x: end.x + thickness, y: end.y), end],
                        strength: random.uniform(0.15, 0.4), softness: random.uniform(0.01, 0.05) * w)
    }

    /// The colour of a black-body light source relative to daylight (6500 K), per channel.
    static func lightColour(kelvin: Double) -> SynthCanvas.Colour {
        let t = (kelvin - 6500) / 3700
        return (b: min(1.25, max(0.55, 1 + 0.45 * t)), g: 1, r: min(1.3, max(0.75, 1 - 0.3 * t)))
    }
}

extension Array where Element == Double {
    /// 3x3 row-major matrix product self x other.
    func multiplied(by other: [Double]) -> [Double] {
        (0..<9).map { index in
            let row = index / 3, column = index % 3
            return (0..<3).reduce(0) { $0 + self[row * 3 + $1] * other[$1 * 3 + column] }
        }
    }
}
