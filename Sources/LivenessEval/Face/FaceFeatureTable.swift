import Foundation
import LivenessEngine

/// One selfie's face signals, with its label: `values` in `FaceSignals.all.featureNames` order,
/// the network logit nil when the MiniFASNet pack is not installed.
public struct FaceFeatureRow: Sendable, Equatable {
    public var file: String
    public var isAttack: Bool
    public var species: String
    /// `OK` when measured; otherwise the quality status or input error that stopped it.
    public var status: String
    public var networkLogit: Double?
    public var cues: [Double]?

    public init(file: String, isAttack: Bool, species: String, status: String, networkLogit: Double?, cues: [Double]?) {
        self.file = file
        self.isAttack = isAttack
        self.species = species
        self.status = status
        self.networkLogit = networkLogit
        self.cues = cues
    }

    /// The vector `signals`' head reads, when measured.
    public func vector(for signals: FaceSignals) -> [Double]? { signals.vector(networkLogit: networkLogit, cues: cues) }
}

/// Measures the face signals of a labelled set (in parallel, one checker per worker), reads and
/// writes them as CSV (file,class,species,status,minifasnet_logit,<cues...>), and turns them into
/// scores for each signal set, so training, evaluation and calibration share one measurement.
public enum FaceFeatureTable {
    /// - Parameter ignoring: quality statuses measured through anyway (FACE_NOT_FOUND never is).
    public static func extract(_ set: LabelledSet, ignoring: Set<FaceStatus>, workers: Int,
                               makeChecker: @Sendable () throws -> FaceLivenessChecker,
                               progress: @Sendable (Int, Int) -> Void = { _, _ in }) throws -> [FaceFeatureRow] {
        try ParallelWork.map(count: set.items.count, threads: workers, makeWorker: makeChecker, work: { checker, index in
            row(for: set.items[index], ignoring: ignoring, checker: checker)
        }, progress: progress)
    }

    private static func row(for item: LabelledSet.Item, ignoring: Set<FaceStatus>, checker: FaceLivenessChecker) -> FaceFeatureRow {
        func row(_ status: String, _ values: FaceSignalValues? = nil) -> FaceFeatureRow {
            FaceFeatureRow(file: item.file, isAttack: item.isAttack, species: item.species, status: status,
                           networkLogit: values?.networkLogit, cues: values?.cues.values)
        }
        do {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: item.path)))
            let decoded = try ImageDecoder(limits: checker.configuration.limits).decode(bytes)
            var timings = FaceLivenessResult.Timings()
            let (quality, values) = try checker.examine(decoded.pixels, jpegQuality: decoded.header.jpegQuality, timings: &timings, ignoring: ignoring)
            guard let values else { return row(quality.blockingStatus(ignoring: ignoring).rawValue) }
            return row("OK", values)
        } catch let error as ImageInputError {
            return row(error.kind.rawValue)
        } catch {
            FileHandle.standardError.write(Data("\(item.file): \(error)\n".utf8))
            return row("ENGINE_ERROR")
        }
    }

    /// Score records of `signals` for every row (`pipeline` column: `face-<signals>`).
    public static func scores(_ rows: [FaceFeatureRow], signals: FaceSignals, model: FaceModel) -> [ScoreRecord] {
        let head = model.head(for: signals)
        return rows.map { row in
            let vector = row.vector(for: signals)
            let status = row.status != "OK" ? row.status : vector == nil ? "SIGNALS_UNAVAILABLE" : "OK"
            return ScoreRecord(file: row.file, pipeline: scoreName(signals), isAttack: row.isAttack, species: row.species,
                               status: status, score: vector.flatMap { v in head.map { $0.score(v) } })
        }
    }

    public static func scoreName(_ signals: FaceSignals) -> String { "face-\(signals.rawValue)" }

    public static var header: String { (["file", "class", "species", "status"] + FaceSignals.all.featureNames).joined(separator: ",") }

    public static func csv(_ rows: [FaceFeatureRow]) -> String {
        let cueCount = FaceCueFeatures.names.count
        return ([header] + rows.map { row in
            ([row.file, row.isAttack ? "attack" : "bona_fide", row.species, row.status, row.networkLogit.map { String($0) } ?? ""]
                + (row.cues?.map { String($0) } ?? Array(repeating: "", count: cueCount))).joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }

    public static func read(_ text: String) throws -> [FaceFeatureRow] {
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard lines.first == header else {
            throw LabelledSetError(message: "face features CSV: expected the header of this engine's face features (\(header))")
        }
        lines.removeFirst()
        let width = 4 + FaceSignals.all.featureNames.count
        return try lines.enumerated().map { index, line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == width else { throw LabelledSetError(message: "face features CSV line \(index + 2): expected \(width) fields") }
            let cues = fields[5...].map { Double($0) }
            return FaceFeatureRow(file: fields[0], isAttack: fields[1] == "attack", species: fields[2], status: fields[3],
                                  networkLogit: Double(fields[4]),
                                  cues: fields[3] == "OK" && cues.allSatisfy { $0 != nil } ? cues.map { $0! } : nil)
        }
    }
}
