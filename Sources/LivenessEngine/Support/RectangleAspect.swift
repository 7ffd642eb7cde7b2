import Foundation

extension Quad {
    /// Focal lengths a phone photo can have, in units of the image's long side (a 13-120 mm
    /// full-frame equivalent), and the one assumed when the quad cannot tell (a 29 mm main camera).
    static let focalRange = 0.4...2.5
    static let typicalFocal = 0.8
    /// Below this tilt the apparent aspect is used: it is off by under 4 % there.
    static let minimumTilt = 15 * Double.pi / 180

    /// The aspect ratio (long / short) of the rectangle this quad is a pinhole photo of, corners in
    /// the order TL, TR, BR, BL, in an image of `width` x `height` pixels.
    ///
    /// Physical cue: a card tilted 35 degrees away from the camera looks up to 20 % squatter than
    /// it is, so the apparent side lengths (`aspectRatio`) can make an ID-1 card look like a
    /// passport page. A rectangle's two vanishing points fix the camera's focal length (principal
    /// point at the image's centre, square pixels), and with it the true ratio of the sides
    /// (Zhang and He, "Whiteboard scanning and image enhancement", 2007). Where the perspective
    /// is too weak to tell the focal length, or gives an impossible one, a phone's typical focal
    /// length is used: the ratio then depends little on it.
    func rectangleAspect(inImageOf width: Double, height: Double) -> Double {
        rectangleView(inImageOf: width, height: height).aspect
    }

    /// The rectangle's aspect (as `rectangleAspect`) and how far its plane is tilted from facing
    /// the camera (radians, at the estimated or else the typical focal length; nil for a
    /// degenerate quad).
    func rectangleView(inImageOf width: Double, height: Double) -> (aspect: Double, tilt: Double?) {
        let longSide = max(width, height)
        let centre = Point(x: width / 2, y: height / 2)
        let c = corners.map { $0 - centre }
        let m1 = Vector3(c[0]), m2 = Vector3(c[1]), m4 = Vector3(c[2]), m3 = Vector3(c[3])
        let k2 = m1.cross(m4).dot(m3) / m2.cross(m4).dot(m3)
        let k3 = m1.cross(m4).dot(m2) / m3.cross(m4).dot(m2)
        let n2 = m2 * k2 - m1, n3 = m3 * k3 - m1
        var focalSquared = -(n2.x * n3.x + n2.y * n3.y) / (n2.z * n3.z)
        // One pair of sides parallel in the image (tilted about an axis along the other pair):
        // the focal length is not given, a phone's typical one is assumed.
        if !focalSquared.isFinite || focalSquared <= 0 { focalSquared = pow(Self.typicalFocal * longSide, 2) }
        focalSquared = min(max(focalSquared, pow(Self.focalRange.lowerBound * longSide, 2)), pow(Self.focalRange.upperBound * longSide, 2))
        let focal = focalSquared.squareRoot()
        // The rectangle's sides as directions in the camera's frame.
        let across = Vector3(x: n2.x / focal, y: n2.y / focal, z: n2.z), down = Vector3(x: n3.x / focal, y: n3.y / focal, z: n3.z)
        let horizontal = across.dot(across).squareRoot(), vertical = down.dot(down).squareRoot()
        guard horizontal.isFinite, vertical.isFinite, horizontal > 0, vertical > 0 else { return (aspectRatio, nil) }
        let normal = across.cross(down)
        let tilt = acos(min(1, abs(normal.z) / normal.dot(normal).squareRoot()))
        guard tilt.isFinite else { return (aspectRatio, nil) }
        // Nearly square-on, the apparent sides are as true and the focal length is ill-conditioned.
        return (tilt < Self.minimumTilt ? aspectRatio : max(horizontal / vertical, vertical / horizontal), tilt)
    }
}

/// A homogeneous image point (x, y, 1) and what the rectangle formula does with it.
private struct Vector3 {
    var x, y, z: Double
    init(x: Double, y: Double, z: Double) { self.x = x; self.y = y; self.z = z }
    init(_ p: Point) { self.init(x: p.x, y: p.y, z: 1) }
    func cross(_ o: Vector3) -> Vector3 { Vector3(x: y * o.z - z * o.y, y: z * o.x - x * o.z, z: x * o.y - y * o.x) }
    func dot(_ o: Vector3) -> Double { x * o.x + y * o.y + z * o.z }
    static func * (v: Vector3, s: Double) -> Vector3 { Vector3(x: v.x * s, y: v.y * s, z: v.z * s) }
    static func - (a: Vector3, b: Vector3) -> Vector3 { Vector3(x: a.x - b.x, y: a.y - b.y, z: a.z - b.z) }
}
