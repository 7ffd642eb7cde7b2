import Foundation
import LivenessTestSupport
import Testing
@testable import LivenessEngine

/// The true aspect of a photographed rectangle, recovered from its perspective.
struct RectangleAspectTests {
    /// An ID-1 card (85.6 x 54 mm) photographed by a pinhole camera of focal length `focal` (in
    /// units of the 1920 px image's long side), tilted `tilt` degrees about an axis at `axis`
    /// degrees, `offset` mm off the optical axis; corners TL, TR, BR, BL.
    private func photographedCard(tilt: Double, axis: Double, focal: Double = 0.9, offset: Point = Point(x: 0, y: 0)) -> Quad {
        let f = focal * 1920, t = tilt * .pi / 180, a = axis * .pi / 180
        let corners = [(-42.8, -27.0), (42.8, -27.0), (42.8, 27.0), (-42.8, 27.0)].map { (x, y) -> Point in
            // Into the axis's frame, tilted about its x axis, back; 200 mm from the camera.
            let xa = x * cos(-a) - y * sin(-a), ya = x * sin(-a) + y * cos(-a)
            let yt = ya * cos(t), zt = ya * sin(t)
            let X = xa * cos(a) - yt * sin(a) + offset.x, Y = xa * sin(a) + yt * cos(a) + offset.y, Z = 200 + zt
            return Point(x: 960 + f * X / Z, y: 540 + f * Y / Z)
        }
        return Quad(corners)
    }

    @Test("a card tilted 20-35 degrees about an oblique axis: its true aspect within 1 % and its tilt within 2 degrees", arguments: [
        (20.0, 20.0), (30.0, 60.0), (35.0, 30.0), (35.0, 120.0),
    ])
    func recoversTheAspect(tilt: Double, axis: Double) {
        let quad = photographedCard(tilt: tilt, axis: axis, offset: Point(x: 15, y: -8))
        let view = quad.rectangleView(inImageOf: 1920, height: 1080)
        #expect(abs(log(view.aspect / (85.6 / 54))) < 0.01, "aspect \(view.aspect), apparent \(quad.aspectRatio)")
        #expect(abs((view.tilt ?? 0) * 180 / .pi - tilt) < 2, "tilt \(String(describing: view.tilt))")
    }

    @Test("tilted about its long axis (sides parallel in the image, focal length unknown): a typical phone's focal length brings the aspect within 5 %, where the apparent one is off by 15 %")
    func parallelSides() {
        for focal in [0.7, 0.9] {
            let quad = photographedCard(tilt: 35, axis: 0, focal: focal)
            #expect(abs(log(quad.aspectRatio / (85.6 / 54))) > 0.1)
            #expect(abs(log(quad.rectangleAspect(inImageOf: 1920, height: 1080) / (85.6 / 54))) < 0.05)
        }
    }

    @Test("a card nearly square-on keeps its apparent aspect")
    func nearlySquareOn() {
        let quad = photographedCard(tilt: 5, axis: 45)
        #expect(quad.rectangleAspect(inImageOf: 1920, height: 1080) == quad.aspectRatio)
    }
}

/// The true aspect on real photos: the labelled quads of the real grey copies.
@Suite(.enabled(if: SharedData.available, "needs ../shared/data"))
struct RealLabelAspectTests {
    /// 90th percentile of |log(aspect / format's aspect)| over the labels' quads.
    private func errors(_ aspect: (Quad, ImageHeader) -> Double) throws -> Double {
        let errors = try DocumentLabel.load(folder: SharedData.greyCopies).map { label -> Double in
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: SharedData.greyCopies + "/" + label.file)))
            let format: DocumentFormat = label.file.contains("passport") ? .id3 : .id1
            return abs(log(aspect(label.quad, try ImageHeader.parse(bytes)) / format.aspectRatio!))
        }.sorted()
        return errors[Int(0.9 * Double(errors.count - 1))]
    }

    @Test("the labels' own quads fit their format better by their true aspect than by their apparent one")
    func trueAspectFitsRealLabels() throws {
        let apparent = try errors { quad, _ in quad.aspectRatio }
        let rectangle = try errors { quad, header in quad.rectangleAspect(inImageOf: Double(header.orientedWidth), height: Double(header.orientedHeight)) }
        #expect(rectangle < apparent, "90th percentile |log error|: true \(rectangle), apparent \(apparent)")
    }
}
