import Foundation
import LivenessStore
import Testing

/// The SQLite store on a real database file.
struct StoreTests {
    static func path() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("store-test-\(UUID().uuidString).sqlite").path
    }

    static func record(_ id: String, at date: Date, format: String = "ID1", results: [TransactionRecord.PipelineResult],
                       validation: String = "OK") -> TransactionRecord {
        TransactionRecord(id: id, createdAt: date, endpoint: "/check_liveness", results: results, validationStatus: validation,
                          warnings: ["GLARE_ON_IMAGE"], documentFormat: format, latencyMilliseconds: 48.5, imageSHA256: "ab" + id,
                          engineVersion: "test", modelVersions: ["face-detector": "yunet-2022mar"])
    }

    static func result(_ pipeline: String, status: String = "OK", probability: Double?) -> TransactionRecord.PipelineResult {
        .init(pipeline: pipeline, calibration: "REGULAR", status: status, probability: probability, score: probability.map { $0 * 4 - 2 }, warnings: [])
    }

    /// 2026-03-10 12:00 UTC.
    static let noon = Date(timeIntervalSince1970: 1_773_144_000)

    @Test("a record reads back as written")
    func roundTrip() async throws {
        let store = try SQLiteTransactionStore(path: Self.path())
        let written = Self.record("a", at: Self.noon, results: [Self.result("screen-replay", probability: 0.75)])
        try await store.record(written)
        let read = try #require(try await store.transaction(id: "a"))
        #expect(read.results == written.results)
        #expect(read.modelVersions == written.modelVersions)
        #expect(read.warnings == written.warnings)
        #expect(abs(read.createdAt.timeIntervalSince(written.createdAt)) < 0.001)
        #expect(try await store.transaction(id: "missing") == nil)
    }

    @Test("the report counts per pipeline, format, status and probability tenth, on inclusive UTC days")
    func report() async throws {
        let store = try SQLiteTransactionStore(path: Self.path())
        let day: TimeInterval = 86_400
        try await store.record(Self.record("1", at: Self.noon, results: [Self.result("screen-replay", probability: 0.95), Self.result("printed-copy", probability: 0.05)]))
        try await store.record(Self.record("2", at: Self.noon, results: [Self.result("screen-replay", probability: 1.0)]))
        try await store.record(Self.record("3", at: Self.noon + day, format: "UNKNOWN",
                                           results: [Self.result("screen-replay", status: "DOCUMENT_NOT_FOUND", probability: nil)], validation: "DOCUMENT_NOT_FOUND"))
        try await store.record(Self.record("4", at: Self.noon + day, format: "ID3", results: [], validation: "DOCUMENT_TOO_SMALL"))
        try await store.record(Self.record("5", at: Self.noon + 3 * day, results: [Self.result("screen-replay", probability: 0.5)]))

        let report = try await store.report(from: try #require(Day("2026-03-10")), through: try #require(Day("2026-03-11")))
        #expect(report.total == 4)
        #expect(report.counts == [
            "screen-replay_ID1_probability_0.9-1.0": 2,
            "printed-copy_ID1_probability_0.0-0.1": 1,
            "screen-replay_UNKNOWN_DOCUMENT_NOT_FOUND": 1,
            "validation_ID3_DOCUMENT_TOO_SMALL": 1,
        ])
        let single = try await store.report(from: try #require(Day("2026-03-13")), through: try #require(Day("2026-03-13")))
        #expect(single.counts == ["screen-replay_ID1_probability_0.5-0.6": 1])
    }

    @Test("deleting before a cutoff removes only older rows")
    func deletion() async throws {
        let store = try SQLiteTransactionStore(path: Self.path())
        try await store.record(Self.record("old", at: Self.noon - 10, results: []))
        try await store.record(Self.record("new", at: Self.noon + 10, results: []))
        #expect(try await store.deleteTransactions(before: Self.noon) == 1)
        #expect(try await store.transaction(id: "old") == nil)
        #expect(try await store.transaction(id: "new") != nil)
    }

    @Test("reopening a database keeps its rows (migrations run once)")
    func reopen() async throws {
        let path = Self.path()
        try await SQLiteTransactionStore(path: path).record(Self.record("kept", at: Self.noon, results: []))
        #expect(try await SQLiteTransactionStore(path: path).transaction(id: "kept") != nil)
    }

    @Test("days parse only as yyyy-MM-dd and only when they exist", arguments: [
        ("2026-03-10", true), ("2024-02-29", true), ("2026-02-29", false), ("2026-13-01", false),
        ("2026-3-10", false), ("10-03-2026", false), ("2026/03/10", false), ("", false), ("2026-03-10T00:00", false),
    ])
    func dayParsing(text: String, valid: Bool) {
        #expect((Day(text) != nil) == valid)
        if valid { #expect(Day(text)?.description == text) }
    }

    @Test("probability keys: tenths, 1.0 in the last one")
    func probabilityKeys() {
        #expect(BIReport.probabilityKey(pipeline: "p", format: "ID1", probability: 0) == "p_ID1_probability_0.0-0.1")
        #expect(BIReport.probabilityKey(pipeline: "p", format: "ID1", probability: 0.35) == "p_ID1_probability_0.3-0.4")
        #expect(BIReport.probabilityKey(pipeline: "p", format: "ID1", probability: 1) == "p_ID1_probability_0.9-1.0")
    }
}
