import Foundation
import Testing
@testable import LivenessEngine
import LivenessTestSupport

/// Which signal set a face request gets, from the installed model and packs.
@Suite(.enabled(if: SharedData.available, "needs ../shared/models"))
struct FaceModelTests {
    static func head(_ signals: FaceSignals) -> LogisticHead {
        let n = signals.featureNames.count
        return LogisticHead(features: signals.featureNames, mean: Array(repeating: 0, count: n), scale: Array(repeating: 1, count: n),
                            weights: Array(repeating: 0.1, count: n), bias: 0)
    }

    static func model(defaultSignals: FaceSignals?) -> InstalledFaceModel {
        var model = FaceModel(version: "t", heads: [.physical: head(.physical), .all: head(.all)], training: [:])
        model.defaultSignals = defaultSignals
        let points = OperatingPoints(soft: -1, regular: 0, hard: 1, slope: 1)
        return InstalledFaceModel(model: model, operatingPoints: [.minifasnet: points, .physical: points, .all: points])
    }

    @Test func theModelChoosesTheDefaultAndThePackLimitsIt() throws {
        let yunetOnly = FileManager.default.temporaryDirectory.appendingPathComponent("yunet-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: yunetOnly, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SharedData.models + "/" + FaceDetector.yunetFileName, toPath: yunetOnly + "/" + FaceDetector.yunetFileName)
        let withPack = { (m: InstalledFaceModel) in try FaceLivenessChecker(configuration: .init(modelDirectory: SharedData.models), model: m) }
        let withoutPack = { (m: InstalledFaceModel) in try FaceLivenessChecker(configuration: .init(modelDirectory: yunetOnly), model: m) }
        #expect(try withPack(Self.model(defaultSignals: nil)).defaultSignals == .all)
        #expect(try withPack(Self.model(defaultSignals: .minifasnet)).defaultSignals == .minifasnet)
        #expect(try withoutPack(Self.model(defaultSignals: .minifasnet)).defaultSignals == .physical)
        #expect(try withoutPack(Self.model(defaultSignals: nil)).availableSignals == [.physical])
        let bare = try FaceLivenessChecker(configuration: .init(modelDirectory: SharedData.models), model: nil)
        #expect(bare.defaultSignals == nil)
        #expect(throws: FaceLivenessError.self) { try bare.check(TestImages.anyJPEG, request: .init(signals: .all)) }
    }

    @Test func aModelFileWithoutADefaultStillLoads() throws {
        let json = #"{"version": "0.0.1", "heads": {}, "training": {}}"#
        let model = try JSONDecoder().decode(FaceModel.self, from: Data(json.utf8))
        #expect(model.defaultSignals == nil)
        #expect(model.head(for: .minifasnet) != nil && model.head(for: .all) == nil)
    }
}

enum TestImages {
    static let anyJPEG: [UInt8] = try! SceneBuilder.jpeg(SceneBuilder.background(.wood, width: 320, height: 240))
}
