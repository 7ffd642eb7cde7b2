import Foundation

/// A screen-replay or printed-copy model as `liveness train` writes it
/// (`Models/<pipeline>/<version>/model.json`): per region, one head per attack species the
/// pipeline covers (trained on that region's features), and how it was made. The region's score
/// is the lowest of its heads': a photo is live only if no head recognises its attack. (A
/// printed copy is a colour print OR a grey photocopy; one linear boundary cannot wrap bona fide
/// against two such different clusters, two can.)
public struct CueModel: Sendable, Codable, Equatable {
    public var pipeline: String
    public var version: String
    public var heads: [String: [LogisticHead]]
    /// What it was trained on (data, seeds, counts, date): free-form, for the model card.
    public var training: [String: String]

    public init(pipeline: String, version: String, heads: [PipelineRegion: [LogisticHead]], training: [String: String]) {
        self.pipeline = pipeline
        self.version = version
        self.heads = Dictionary(uniqueKeysWithValues: heads.map { ($0.key.rawValue, $0.value) })
        self.training = training
    }

    public func heads(for region: PipelineRegion) -> [LogisticHead] { heads[region.rawValue] ?? [] }

    public static func load(path: String) throws -> CueModel {
        try JSONDecoder().decode(CueModel.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}
