import Foundation
import LivenessEngine
import LivenessEval
import Testing

struct TrainingTests {
    /// Two features: the first separates the classes (attacks low), the second is noise.
    static func rows(_ range: Range<Int> = 0..<200) -> (rows: [[Double]], bonaFide: [Bool]) {
        var rows: [[Double]] = [], labels: [Bool] = []
        for i in range {
            let live = i % 2 == 0
            let jitter = Double((i * 37) % 17) / 17 - 0.5
            rows.append([(live ? 5.0 : 3.0) + jitter * 2.2, Double((i * 53) % 29)])
            labels.append(live)
        }
        return (rows, labels)
    }

    @Test func logisticHeadLearnsTheSeparatingFeatureAndItsSign() throws {
        let (rows, labels) = Self.rows()
        let head = try LogisticRegressionTrainer.fit(features: ["cue", "noise"], rows: rows, bonaFide: labels)
        #expect(head.weights[0] > 1, "bona fide have the higher cue, so its weight is positive")
        #expect(abs(head.weights[1]) < abs(head.weights[0]) / 5)
        let (unseen, unseenLabels) = Self.rows(200..<400)
        let correct = zip(unseen, unseenLabels).filter { (head.score($0.0) > 0) == $0.1 }.count
        #expect(correct >= 180, "rows it was not fitted on")
        let again = try LogisticRegressionTrainer.fit(features: ["cue", "noise"], rows: rows, bonaFide: labels)
        #expect(again == head, "deterministic")
    }

    @Test func anOffsetIsCorrectedNotRelearned() throws {
        // The offset already separates most rows; the cue explains what it gets wrong.
        let (rows, labels) = Self.rows()
        let offsets = labels.enumerated().map { i, live in (live ? 2.0 : -2.0) * (i % 5 == 0 ? -1 : 1) }
        let corrected = try LogisticRegressionTrainer.fit(features: ["cue", "noise"], rows: rows, bonaFide: labels, offsets: offsets)
        let alone = try LogisticRegressionTrainer.fit(features: ["cue", "noise"], rows: rows, bonaFide: labels)
        #expect(corrected.weights[0] > 1, "the cue still carries its evidence")
        #expect(corrected != alone)
        // Offset + correction beats the offset alone on the rows the offset gets wrong.
        let wrong = labels.indices.filter { (offsets[$0] > 0) != labels[$0] }
        #expect(!wrong.isEmpty)
        let fixed = wrong.filter { (offsets[$0] + corrected.score(rows[$0]) > 0) == labels[$0] }.count
        #expect(fixed > wrong.count / 2, "\(fixed) of \(wrong.count)")
    }

    @Test func faceFeatureTableRoundTripsThroughCSV() throws {
        let cues = FaceCueFeatures.names.indices.map { Double($0) / 7 }
        let rows = [
            FaceFeatureRow(file: "a.jpg", isAttack: false, species: "none", status: "OK", networkLogit: 2.5, cues: cues),
            FaceFeatureRow(file: "b.jpg", isAttack: true, species: "printed_photo", status: "OK", networkLogit: nil, cues: cues),
            FaceFeatureRow(file: "c.jpg", isAttack: true, species: "screen_replay", status: "FACE_NOT_FOUND", networkLogit: nil, cues: nil),
        ]
        #expect(try FaceFeatureTable.read(FaceFeatureTable.csv(rows)) == rows)
        #expect(rows[1].vector(for: .all) == nil && rows[1].vector(for: .physical) == cues)
    }

    @Test func trainingRefusesOneClass() {
        #expect(throws: ModelError.self) {
            try LogisticRegressionTrainer.fit(features: ["a"], rows: [[1], [2], [3]], bonaFide: [true, true, true])
        }
    }

    @Test func featureSeparationIsTheAreaUnderTheROC() {
        #expect(FeatureSeparation.area([3, 4], [1, 2]) == 1)
        #expect(FeatureSeparation.area([1, 2], [3, 4]) == 0)
        #expect(FeatureSeparation.area([1, 2], [1, 2]) == 0.5)
    }

    @Test func featureTableRoundTripsThroughCSV() throws {
        let values = AttackFeatures.names.indices.map { Double($0) / 3 }
        let rows = [
            FeatureRow(file: "a.jpg", isAttack: false, species: "none", region: .document, status: "OK", values: values),
            FeatureRow(file: "b.jpg", isAttack: true, species: "screen_replay", region: .frame, status: "DOCUMENT_NOT_FOUND", values: nil),
        ]
        #expect(try FeatureTable.read(FeatureTable.csv(rows)) == rows)
    }
}

struct LabelledSetClassTests {
    @Test func anAttackSpeciesGivenAsTheClassIsAnAttackOfThatSpecies() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labels-species-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "{\"file\": \"a.jpg\", \"class\": \"printed_copy\"}\n{\"file\": \"b.jpg\", \"class\": \"bona_fide\"}\n"
            .write(toFile: folder + "/labels.jsonl", atomically: true, encoding: .utf8)
        let set = try LabelledSet(folder: folder)
        #expect(set.items.map(\.isAttack) == [true, false])
        #expect(set.items.map(\.species) == ["printed_copy", "none"])
    }
}
