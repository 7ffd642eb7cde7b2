import Foundation
import Testing
@testable import LivenessEngine
import LivenessTestSupport

/// Face quality statuses on constructed selfies built from a real portrait (two faces, a face cut
/// by the edge, one near it, a tiny face, a turned camera, a blurred face, no face), each giving
/// its own status and no other, and a plain selfie giving none.
@Suite(.enabled(if: SharedData.available, "needs ../shared/data and ../shared/models"))
struct FaceQualityTests {
    let checker: FaceLivenessChecker
    /// A 480 px wide selfie made from a frontal portrait (face about 230 px wide).
    let selfie: Mat

    init() throws {
        checker = try FaceLivenessChecker(configuration: .init(modelDirectory: SharedData.models), model: nil)
        let portrait = try ImageDecoder().decode([UInt8](Data(contentsOf: URL(fileURLWithPath: SharedData.faceSource)))).pixels
        selfie = try portrait.resized(width: 480, height: 480 * portrait.rows / portrait.cols)
    }

    func quality(_ image: Mat) throws -> FaceQuality {
        var timings = FaceLivenessResult.Timings()
        return try checker.examine(image, jpegQuality: nil, timings: &timings).0
    }

    func face(_ image: Mat) throws -> Rect { try #require(try quality(image).face).box }

    @Test func plainSelfieHasNoStatusOrWarning() throws {
        let q = try quality(selfie)
        #expect(q.statuses.isEmpty)
        #expect(q.warnings.isEmpty)
        #expect(q.faceCount == 1)
        let pose = try #require(q.pose)
        #expect(abs(pose.yaw) < 15 && abs(pose.pitch) < 15 && abs(pose.roll) < 10, "\(pose)")
    }

    @Test func twoFacesSideBySide() throws {
        let other = try ImageDecoder().decode([UInt8](Data(contentsOf: URL(fileURLWithPath: SharedData.root + "/data/face-sources/deepface/img2.jpg")))).pixels
        let second = try other.resized(width: 480, height: 480 * other.rows / other.cols)
        var canvas = Raster(width: 960, height: max(selfie.rows, second.rows), fill: (128, 128, 128))
        canvas.paste(Raster(selfie), x: 0, y: 0)
        canvas.paste(Raster(second), x: 480, y: 0)
        #expect(try quality(canvas.mat()).statuses == [.tooManyFaces])
    }

    @Test func aMuchSmallerFaceBehindIsAllowed() throws {
        var canvas = Raster(width: 720, height: selfie.rows, fill: (128, 128, 128))
        canvas.paste(Raster(selfie), x: 0, y: 0)
        // The same face at a third of the size, in the background.
        let small = try selfie.resized(width: 160, height: selfie.rows / 3)
        canvas.paste(Raster(small), x: 540, y: 40)
        let q = try quality(canvas.mat())
        #expect(q.faceCount == 2)
        #expect(q.statuses.isEmpty)
    }

    @Test func faceCutByTheEdgeIsCropped() throws {
        let box = try face(selfie)
        let left = box.x + 0.3 * box.width
        let cut = try selfie.cropped(Rect(x: left, y: 0, width: Double(selfie.cols) - left, height: Double(selfie.rows)))
        #expect(try quality(cut).statuses.contains(.faceCropped))
        #expect(try !quality(cut).statuses.contains(.faceTooCloseToBorder))
    }

    @Test func faceNearTheEdgeIsTooCloseToBorder() throws {
        let box = try face(selfie)
        let left = box.x - 7
        let near = try selfie.cropped(Rect(x: left, y: 0, width: Double(selfie.cols) - left, height: Double(selfie.rows)))
        #expect(try quality(near).statuses == [.faceTooCloseToBorder])
    }

    @Test func tinyFaceIsTooSmall() throws {
        let tiny = try selfie.resized(width: selfie.cols / 3, height: selfie.rows / 3)
        var canvas = Raster(width: 640, height: 480, fill: (128, 128, 128))
        canvas.paste(Raster(tiny), x: 240, y: 120)
        #expect(try quality(canvas.mat()).statuses == [.faceTooSmall])
        // Scored anyway when the status is ignored (evaluation on small webcam faces): the cues
        // fit smaller spectral tiles into the small context instead of failing.
        var timings = FaceLivenessResult.Timings()
        let tinier = try selfie.resized(width: selfie.cols / 6, height: selfie.rows / 6)
        var small = Raster(width: 320, height: 240, fill: (128, 128, 128))
        small.paste(Raster(tinier), x: 120, y: 60)
        let (_, values) = try checker.examine(small.mat(), jpegQuality: nil, timings: &timings, ignoring: [.faceTooSmall])
        #expect(try #require(values).cues.tileSide < FaceCueFeatures.tileSize)
    }

    @Test func cameraTurnedSidewaysIsAngleTooLarge() throws {
        // The selfie rotated by 60 degrees about its centre (roll beyond 45).
        let angle = 60.0 * Double.pi / 180, side = Double(max(selfie.cols, selfie.rows)) * 1.5
        let c = cos(angle), s = sin(angle), cx = Double(selfie.cols) / 2, cy = Double(selfie.rows) / 2
        let rotation = [c, -s, side / 2 - c * cx + s * cy, s, c, side / 2 - s * cx - c * cy, 0, 0, 1]
        let turned = try selfie.warped(homography: rotation, width: Int(side), height: Int(side), fill: [128, 128, 128, 0])
        let q = try quality(turned)
        #expect(q.statuses == [.faceAngleTooLarge])
        // YuNet's landmarks on a face turned this far are rough (74 degrees measured): roll, not
        // yaw or pitch, is what exceeds its limit.
        let roll = abs(try #require(q.pose).roll)
        #expect(roll > 45 && roll < 90, "roll \(roll)")
    }

    @Test func blurredFaceWarnsButIsScored() throws {
        let blurred = try selfie.gaussianBlurred(kernel: 0, sigma: 6)
        let q = try quality(blurred)
        #expect(q.statuses.isEmpty)
        #expect(q.warnings == [.imageTooBlurry])
    }

    @Test func noFace() throws {
        let wall = try SceneBuilder.background(.wood, width: 640, height: 480).mat()
        let q = try quality(wall)
        #expect(q.statuses == [.faceNotFound])
        #expect(q.face == nil)
    }
}
