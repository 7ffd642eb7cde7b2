import Foundation
import LivenessEngine
import LivenessTestSupport
import Testing

/// The committed screen-replay and printed-copy models, loaded as the server loads them, on
/// real photos and on pictures without a document.
struct CuePipelineTests {
    static func registry() throws -> PipelineRegistry {
        try PipelineRegistry(implemented: PipelineRegistry.builtIn)
    }

    @Test func committedModelsLoadForBothPipelines() throws {
        #expect(PipelineRegistry.builtInProblems.isEmpty, "\(PipelineRegistry.builtInProblems)")
        let registry = try Self.registry()
        #expect(registry.availableKinds == [.screenReplay, .printedCopy])
        for descriptor in registry.descriptors {
            let points = descriptor.operatingPoints
            #expect(points.soft <= points.regular && points.regular <= points.hard, "SOFT accepts more than REGULAR, HARD fewer")
            #expect(descriptor.frameOperatingPoints != nil, "\(descriptor.kind) has a frame calibration")
            #expect(try descriptor.makePipeline() is CuePipeline)
        }
    }

    @Test func frameRegionScoresAPictureWithoutADocumentAndTheDocumentRegionDoesNot() throws {
        let checker = try LivenessChecker(analyzer: DocumentAnalyzer(configuration: .init()), registry: Self.registry())
        let picture = try AttackFeatureTests.noise(width: 800, height: 600).mat().encoded(as: ".png")
        let pipelines = [LivenessRequest.Pipeline(kind: .screenReplay), .init(kind: .printedCopy)]
        let frame = try checker.check(picture, request: LivenessRequest(pipelines: pipelines, region: .frame))
        #expect(frame.outcomes.allSatisfy { $0.status == .ok && $0.score != nil && $0.probability != nil })
        let document = try checker.check(picture, request: LivenessRequest(pipelines: pipelines, region: .document))
        #expect(document.outcomes.allSatisfy { $0.status == .documentNotFound && $0.score == nil })
    }

    @Test func aModelReadingUnknownFeaturesIsRefused() throws {
        let head = LogisticHead(features: ["no_such_feature"], mean: [0], scale: [1], weights: [1], bias: 0)
        let model = CueModel(pipeline: "screen-replay", version: "0", heads: [.document: [head], .frame: [head]], training: [:])
        #expect(throws: ModelError.self) { try CuePipeline(model: model) }
    }

    @Test func newestVersionIsFoundNumerically() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("models-\(UUID().uuidString)").path
        for version in ["1.9.0", "1.10.0", "empty"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + version, withIntermediateDirectories: true)
            if version != "empty" { try Data("{}".utf8).write(to: URL(fileURLWithPath: folder + "/" + version + "/model.json")) }
        }
        #expect(try ModelLibrary.installedVersions(in: folder) == ["1.9.0", "1.10.0"])
    }

    /// Real photos the model never saw (trained on simulation only): direct photos of scenes vs
    /// photos of laptop screens, after a messenger's recompression (the hard source).
    @Test(.enabled(if: SharedData.available, "needs ../shared/data"))
    func screenReplayFrameScoresSeparateRealScreenPhotos() throws {
        let labels = try SharedData.labels(SharedData.screenRecaptures).filter { $0["source"] == "messenger1600" }
        let screens = labels.filter { ($0["file"] ?? "").contains("screen-laptop") }.prefix(12)
        let direct = labels.filter { $0["class"] == "bona_fide" }.prefix(12)
        let checker = try LivenessChecker(analyzer: DocumentAnalyzer(configuration: .init()), registry: Self.registry())
        func score(_ label: [String: String]) throws -> Double {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: SharedData.screenRecaptures + "/" + label["file"]!)))
            return try checker.check(bytes, request: LivenessRequest(pipelines: [.init(kind: .screenReplay)], region: .frame)).outcomes[0].score!
        }
        let attackScores = try screens.map(score), liveScores = try direct.map(score)
        let pairs = attackScores.flatMap { a in liveScores.map { l in l > a ? 1.0 : l == a ? 0.5 : 0 } }
        let area = pairs.reduce(0, +) / Double(pairs.count)
        #expect(area >= 0.75, "AUC of live over screen scores on real photos: \(area)")
    }
}
