import Foundation
@testable import LivenessEngine

/// Builds photos with known geometry: a rendered ID-1 card (colour background pattern, text
/// bars, a real face as its portrait) warped by a chosen quad onto a chosen background.
public enum SceneBuilder {
    public enum Background: Sendable { case wood, fabric, newspaper, plain(Double) }

    /// An 856 x 540 (10 px/mm) card; `withPortrait` pastes a real face photo on its left,
    /// `withHeader` prints a dark 7 mm band along its top.
    public static func card(withPortrait: Bool = true, withHeader: Bool = true, hue: Double = 0) throws -> Raster {
        var card = Raster(width: 856, height: 540)
        for y in 0..<540 {
            for x in 0..<856 {
                let wave = 0.5 + 0.5 * sin(Double(x) * 0.09 + 6 * sin(Double(y) * 0.02 + hue))
                let t = Double(x) / 856
                card.set(x, y, 200 + 40 * wave * (1 - t), 150 + 60 * t + 20 * wave, 120 + 100 * (1 - wave) * t)
            }
        }
        if withHeader { card.fillRect(x: 0, y: 0, width: 856, height: 70, (140, 60, 30)) }
        for row in 0..<7 {
            let length = 200 + (row * 97) % 250
            card.fillRect(x: 360, y: 110 + row * 55, width: length, height: 16, (40, 30, 30))
        }
        if withPortrait {
            let face = try ImageDecoder().decode([UInt8](Data(contentsOf: URL(fileURLWithPath: SharedData.faceSource)))).pixels
            let side = min(face.cols, face.rows)
            let square = try face.warped(quad: Quad([Point(x: Double(face.cols - side) / 2, y: 0), Point(x: Double(face.cols + side) / 2, y: 0),
                                                     Point(x: Double(face.cols + side) / 2, y: Double(side)), Point(x: Double(face.cols - side) / 2, y: Double(side))]),
                                         width: 280, height: 340)
            card.paste(Raster(square), x: 45, y: 110)
        }
        return card
    }

    public static func background(_ kind: Background, width: Int, height: Int, seed: UInt64 = 7) -> Raster {
        var raster = Raster(width: width, height: height)
        var generator = SplitMix(seed: seed)
        for y in 0..<height {
            for x in 0..<width {
                let noise = Double(generator.next() % 21) - 10
                switch kind {
                case .wood:
                    let grain = sin(Double(x) * 0.03 + 4 * sin(Double(y) * 0.004) + 0.6 * sin(Double(y) * 0.05))
                    raster.set(x, y, 50 + 20 * grain + noise, 90 + 30 * grain + noise, 140 + 35 * grain + noise)
                case .fabric:
                    let weave = (x / 3 + y / 3) % 2 == 0 ? 20.0 : -20.0
                    raster.set(x, y, 110 + weave + noise, 80 + weave + noise, 60 + weave + noise)
                case .newspaper:
                    let inText = (y % 22) < 12 && (x % 340) < 310 && ((x / 9 + y / 22) % 7 != 0)
                    let ink = inText && (generator.next() % 3 == 0) ? 120.0 : 0
                    raster.set(x, y, 215 - ink + noise, 212 - ink + noise, 205 - ink + noise)
                case .plain(let level):
                    raster.set(x, y, level + noise / 3, level + noise / 3, level + noise / 3)
                }
            }
        }
        return raster
    }

    /// Warps `card` so that its corners land on `quad` (TL TR BR BL) over `background`; corners
    /// rounded by `cornerRadius` card pixels (ISO/IEC 7810 ID-1: 3.18 mm, 32 px at 10 px/mm).
    public static func place(_ card: Raster, on background: Raster, at quad: Quad, cornerRadius: Int = 0) throws -> Raster {
        let source = Rect(x: 0, y: 0, width: Double(card.width), height: Double(card.height)).corners
        let h = try Geometry.homography(from: source, to: quad.corners)
        let warped = Raster(try card.mat().warped(homography: h, width: background.width, height: background.height))
        var maskSource = Raster(width: card.width, height: card.height, fill: (255, 255, 255))
        if cornerRadius > 0 {
            let r = Double(cornerRadius)
            for y in 0..<cornerRadius {
                for x in 0..<cornerRadius where (r - Double(x) - 0.5) * (r - Double(x) - 0.5) + (r - Double(y) - 0.5) * (r - Double(y) - 0.5) > r * r {
                    for (cx, cy) in [(x, y), (card.width - 1 - x, y), (x, card.height - 1 - y), (card.width - 1 - x, card.height - 1 - y)] {
                        maskSource.set(cx, cy, 0, 0, 0)
                    }
                }
            }
        }
        let mask = Raster(try maskSource.mat().warped(homography: h, width: background.width, height: background.height))
        var out = background
        for i in 0..<(out.width * out.height) {
            let alpha = Double(mask.pixels[3 * i]) / 255
            for c in 0..<3 {
                out.pixels[3 * i + c] = UInt8(alpha * Double(warped.pixels[3 * i + c]) + (1 - alpha) * Double(background.pixels[3 * i + c]))
            }
        }
        return out
    }

    /// A quad of an ID-1 card centred at (cx, cy), `width` px wide, tilted by a perspective that
    /// shortens the far side by `squeeze` (0 = none) and rotated by `degrees`.
    public static func cardQuad(cx: Double, cy: Double, width: Double, degrees: Double = 0, squeeze: Double = 0) -> Quad {
        let h = width / 1.586
        let top = width * (1 - squeeze) / 2, bottom = width / 2
        let corners = [Point(x: -top, y: -h / 2), Point(x: top, y: -h / 2), Point(x: bottom, y: h / 2), Point(x: -bottom, y: h / 2)]
        let a = degrees * .pi / 180
        return Quad(corners.map { Point(x: cx + $0.x * cos(a) - $0.y * sin(a), y: cy + $0.x * sin(a) + $0.y * cos(a)) })
    }

    /// The image of an ID-1 card (85.6 x 54 mm) seen by a pinhole camera with focal length
    /// `focal` px and its principal point at `principal`: the card is tilted by `tilt` degrees
    /// about its horizontal axis (its top edge moving away), turned by `roll` degrees in its plane,
    /// and placed so that its centre is seen at (cx, cy), about `width` px wide.
    public static func projectedCardQuad(cx: Double, cy: Double, width: Double, tilt: Double, roll: Double = 0,
                                  focal: Double, principal: Point) -> Quad {
        let distance = focal * 85.6 / width
        let centre = (x: (cx - principal.x) * distance / focal, y: (cy - principal.y) * distance / focal)
        let t = tilt * .pi / 180, r = roll * .pi / 180
        return Quad([(-42.8, -27.0), (42.8, -27.0), (42.8, 27.0), (-42.8, 27.0)].map { (x, y) -> Point in
            let xr = x * cos(r) - y * sin(r), yr = x * sin(r) + y * cos(r)
            let x3 = centre.x + xr, y3 = centre.y + yr * cos(t), z3 = distance - yr * sin(t)
            return Point(x: principal.x + focal * x3 / z3, y: principal.y + focal * y3 / z3)
        })
    }

    public static func jpeg(_ raster: Raster, quality: Int = 90) throws -> [UInt8] {
        try raster.mat().encoded(as: ".jpg", quality: quality)
    }
}

/// A deterministic pseudo-random generator (SplitMix64) for test textures and corrupt inputs.
public struct SplitMix: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
