import Foundation
import LivenessEngine
@testable import LivenessEval
import Testing

/// The ISO/IEC 30107-3 figures against cases computed by hand.
struct MetricsTests {
    /// Bona fide 1, 2, 3, 4; attacks 0, 1, 2, 5. Accepted = score strictly above the threshold.
    let rates = ErrorRates(bonaFide: [4, 2, 1, 3], attacks: [5, 0, 2, 1])

    @Test("APCER and BPCER at thresholds, ties going to rejection")
    func ratesAtThresholds() {
        #expect(rates.apcer(at: 2) == 0.25)    // 5
        #expect(rates.bpcer(at: 2) == 0.5)     // 1, 2
        #expect(rates.apcer(at: 1) == 0.5)     // 2, 5
        #expect(rates.bpcer(at: 1) == 0.25)    // 1
        #expect(rates.apcer(at: -.infinity) == 1 && rates.bpcer(at: -.infinity) == 0)
        #expect(rates.apcer(at: 5) == 0 && rates.bpcer(at: 5) == 1)
    }

    @Test("the threshold for an APCER is the lowest one that meets it")
    func thresholdForAPCER() {
        #expect(rates.threshold(atAPCER: 0.25) == 2)
        #expect(rates.bpcer(atAPCER: 0.25) == 0.5)
        #expect(rates.threshold(atAPCER: 0.5) == 1)
        #expect(rates.threshold(atAPCER: 0.1) == 5)
        #expect(rates.bpcer(atAPCER: 0.1) == 1)
        #expect(rates.threshold(atAPCER: 1) == -.infinity)
    }

    @Test("EER: min over thresholds of max(APCER, BPCER)")
    func equalErrorRate() {
        // Thresholds 1 and 2 both give max(APCER, BPCER) = 0.5; no threshold does better.
        #expect(rates.equalErrorRate == 0.5)
    }

    @Test("separable classes: every attack rejected and every bona fide accepted at once")
    func allAccept() {
        let separable = ErrorRates(bonaFide: [5, 6], attacks: [1, 2])
        #expect(separable.equalErrorRate == 0)
        #expect(separable.bpcer(atAPCER: 0.01) == 0)
    }

    @Test("inverted classes: no threshold helps")
    func allReject() {
        let inverted = ErrorRates(bonaFide: [1, 2], attacks: [5, 6])
        #expect(inverted.equalErrorRate == 1)
        #expect(inverted.bpcer(atAPCER: 0.05) == 1)
    }

    @Test("all scores tied: ties are rejected, so the APCER point rejects every bona fide")
    func ties() {
        let tied = ErrorRates(bonaFide: [1, 1, 1], attacks: [1, 1])
        #expect(tied.threshold(atAPCER: 0.05) == 1)
        #expect(tied.apcer(at: 1) == 0 && tied.bpcer(at: 1) == 1)
        #expect(tied.equalErrorRate == 1)
    }

    @Test("a known DET point")
    func detPoint() {
        let curve = DETCurve(label: "test", rates: rates)
        #expect(curve.points.contains(DETCurve.Point(threshold: 2, apcer: 0.25, bpcer: 0.5)))
        #expect(curve.points.count == 7)   // -infinity and the six distinct scores
        let svg = DETCurve.svg([curve], title: "a <test>")
        #expect(svg.hasPrefix("<svg") && svg.contains("polyline") && svg.contains("a &lt;test&gt;"))
    }

    @Test("normal deviates (tolerance 1e-6)", arguments: [(0.5, 0.0), (0.975, 1.959964), (0.01, -2.326348), (0.999, 3.090232)])
    func normalDeviate(p: Double, z: Double) {
        #expect(abs(NormalDeviate.quantile(p) - z) < 1e-6)
    }

    @Test("operating points: APCER 10/5/1 % thresholds, slope putting the bona fide median at 0.9")
    func operatingPoints() throws {
        let attacks = (0..<100).map { Double($0) / 100 }
        let bonaFide = [1.2, 1.5, 1.9]
        let points = try OperatingPointFit.fit(bonaFide: bonaFide, attacks: attacks)
        #expect(points.soft == 0.89 && points.regular == 0.94 && points.hard == 0.98)
        #expect(abs(points.probability(score: 1.5, level: .regular) - 0.9) < 1e-12)
        #expect(points.probability(score: 0.94, level: .regular) == 0.5)
        #expect(points.probability(score: 0.95, level: .hard) < 0.5 && points.probability(score: 0.95, level: .soft) > 0.5)
        #expect(throws: OperatingPointFitError.self) { try OperatingPointFit.fit(bonaFide: bonaFide, attacks: []) }
    }

    @Test("a report counts validation failures apart and pools the species")
    func report() {
        let records = [
            ScoreRecord(file: "b1", pipeline: "p", isAttack: false, species: "none", status: "OK", score: 3),
            ScoreRecord(file: "b2", pipeline: "p", isAttack: false, species: "none", status: "OK", score: 4),
            ScoreRecord(file: "b3", pipeline: "p", isAttack: false, species: "none", status: "DOCUMENT_NOT_FOUND", score: nil),
            ScoreRecord(file: "s1", pipeline: "p", isAttack: true, species: "screen_replay", status: "OK", score: 1),
            ScoreRecord(file: "s2", pipeline: "p", isAttack: true, species: "screen_replay", status: "OK", score: 3.5),
            ScoreRecord(file: "c1", pipeline: "p", isAttack: true, species: "printed_copy", status: "OK", score: 0),
            ScoreRecord(file: "c2", pipeline: "p", isAttack: true, species: "printed_copy", status: "DOCUMENT_IS_COLORLESS", score: nil),
            ScoreRecord(file: "x", pipeline: "other", isAttack: true, species: "printed_copy", status: "OK", score: 9),
        ]
        let report = PADReport(pipeline: "p", records: records, threshold: 2)
        #expect(report.bonaFideScored == 2 && report.bonaFideFailures == 1)
        #expect(report.rows.map(\.species) == ["printed_copy", "screen_replay", "all attacks"])
        #expect(report.rows.map(\.attacksScored) == [1, 2, 3])
        #expect(report.rows.map(\.attackFailures) == [1, 0, 1])
        #expect(report.rows.map(\.apcer) == [0, 0.5, 1.0 / 3])
        #expect(report.rows.allSatisfy { $0.bpcer == 0 })
        #expect(report.markdown.contains("| screen_replay | 2 | 0 | 50.00 % | 0.00 % | 25.00 % |"))
    }

    @Test("scores CSV: round trip, quoted file names, precise errors")
    func scoresCSV() throws {
        let records = [
            ScoreRecord(file: "a,b.jpg", pipeline: "screen-replay", isAttack: true, species: "screen_replay", status: "OK", score: -1.25),
            ScoreRecord(file: "c.jpg", pipeline: "screen-replay", isAttack: false, species: "none", status: "DOCUMENT_NOT_FOUND", score: nil),
        ]
        #expect(try ScoresCSV.read(ScoresCSV.write(records)) == records)
        #expect(throws: ScoresCSVError.self) { try ScoresCSV.read("file,score\n") }
        do {
            _ = try ScoresCSV.read(ScoresCSV.header + "\nx.jpg,p,live,none,OK,1\n")
            Issue.record("a bad class was accepted")
        } catch {
            #expect(error.line == 2)
        }
        #expect(throws: ScoresCSVError.self) { try ScoresCSV.read(ScoresCSV.header + "\nx.jpg,p,attack,s,OK,\n") }
    }
}
