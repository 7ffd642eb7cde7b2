import Testing
import Foundation
@testable import LivenessEngine

@Test(.enabled(if: ProcessInfo.processInfo.environment["DUMP_SCENES"] != nil)) func dumpScenes() throws {
    let truth = SceneBuilder.cardQuad(cx: 640, cy: 400, width: 600, degrees: 8, squeeze: 0.12)
    let scene = try SceneBuilder.place(SceneBuilder.card(), on: SceneBuilder.background(.wood, width: 1280, height: 800), at: truth)
    try Data(SceneBuilder.jpeg(scene)).write(to: URL(fileURLWithPath: "/tmp/s1.jpg"))
    let t2 = SceneBuilder.cardQuad(cx: 640, cy: 400, width: 620, degrees: 180)
    let s2 = try SceneBuilder.place(SceneBuilder.card(), on: SceneBuilder.background(.wood, width: 1280, height: 800), at: t2)
    try Data(SceneBuilder.jpeg(s2)).write(to: URL(fileURLWithPath: "/tmp/s2.jpg"))
    let t3 = SceneBuilder.cardQuad(cx: 640, cy: 400, width: 640, degrees: 2)
    let s3 = try SceneBuilder.place(SceneBuilder.card(withPortrait: false), on: SceneBuilder.background(.wood, width: 1280, height: 800), at: t3)
    try Data(SceneBuilder.jpeg(s3)).write(to: URL(fileURLWithPath: "/tmp/s3.jpg"))
}
