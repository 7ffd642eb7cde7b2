import Foundation
import LivenessEngine

/// One image's attack features in one region, with its label.
public struct FeatureRow: Sendable, Equatable {
    public var file: String
    public var isAttack: Bool
    public var species: String
    public var region: PipelineRegion
    /// `OK` when measured; otherwise why not (`DOCUMENT_NOT_FOUND`, an image input error).
    public var status: String
    /// `AttackFeatures.names` order; nil unless `status` is OK.
    public var values: [Double]?

    public init(file: String, isAttack: Bool, species: String, region: PipelineRegion, status: String, values: [Double]?) {
        self.file = file
        self.isAttack = isAttack
        self.species = species
        self.region = region
        self.status = status
        self.values = values
    }
}

/// Measures `AttackFeatures` over a labelled set (in parallel, one analyser per worker) and
/// reads and writes them as CSV (`features.csv`: file,class,species,region,status,<features...>),
/// so heads can be trained and features compared without measuring again.
public enum FeatureTable {
    public static func extract(_ set: LabelledSet, regions: [PipelineRegion], workers: Int,
                               makeAnalyzer: @Sendable () throws -> DocumentAnalyzer,
                               progress: @Sendable (Int, Int) -> Void = { _, _ in }) throws -> [FeatureRow] {
        try ParallelWork.map(count: set.items.count, threads: workers, makeWorker: makeAnalyzer, work: { analyzer, index in
            rows(for: set.items[index], regions: regions, analyzer: analyzer)
        }, progress: progress).flatMap { $0 }
    }

    private static func rows(for item: LabelledSet.Item, regions: [PipelineRegion], analyzer: DocumentAnalyzer) -> [FeatureRow] {
        func row(_ region: PipelineRegion, _ status: String, _ values: [Double]? = nil) -> FeatureRow {
            FeatureRow(file: item.file, isAttack: item.isAttack, species: item.species, region: region, status: status, values: values)
        }
        let analysis: DocumentAnalysis
        do {
            analysis = try analyzer.analyse([UInt8](Data(contentsOf: URL(fileURLWithPath: item.path))))
        } catch let error as ImageInputError {
            return regions.map { row($0, error.kind.rawValue) }
        } catch {
            return regions.map { row($0, "ENGINE_ERROR") }
        }
        return regions.map { region in
            guard region == .frame || !analysis.documents.isEmpty else { return row(region, ValidationStatus.documentNotFound.rawValue) }
            do {
                return row(region, "OK", try PipelineInput(analysis: analysis, region: region).attackFeatures().values)
            } catch {
                return row(region, "ENGINE_ERROR")
            }
        }
    }

    public static var header: String { (["file", "class", "species", "region", "status"] + AttackFeatures.names).joined(separator: ",") }

    public static func csv(_ rows: [FeatureRow]) -> String {
        ([header] + rows.map { row in
            ([row.file, row.isAttack ? "attack" : "bona_fide", row.species, row.region.rawValue, row.status]
                + (row.values?.map { String($0) } ?? Array(repeating: "", count: AttackFeatures.names.count))).joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }

    public static func read(_ text: String) throws -> [FeatureRow] {
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard lines.first == header else {
            throw LabelledSetError(message: "features CSV: expected the header of this engine's features (\(AttackFeatures.names.count) features)")
        }
        lines.removeFirst()
        return try lines.enumerated().map { index, line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5 + AttackFeatures.names.count, let region = PipelineRegion(rawValue: fields[3]) else {
                throw LabelledSetError(message: "features CSV line \(index + 2): expected \(5 + AttackFeatures.names.count) fields and a region")
            }
            let values = fields[5...].map { Double($0) }
            return FeatureRow(file: fields[0], isAttack: fields[1] == "attack", species: fields[2], region: region, status: fields[4],
                              values: fields[4] == "OK" && values.allSatisfy { $0 != nil } ? values.map { $0! } : nil)
        }
    }
}
