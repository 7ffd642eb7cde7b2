/// The vendor's business-intelligence report: a total, then counts keyed
/// `<pipeline>_<FORMAT>_<STATUS>` for checks a pipeline could not score and
/// `<pipeline>_<FORMAT>_probability_<a>-<b>` (tenths, the last one 0.9-1.0) for those it scored.
/// Checks that asked for image validation only count under the pipeline name `validation`.
public struct BIReport: Sendable, Equatable, Encodable {
    public var total: Int
    public var counts: [String: Int]

    public init(total: Int, counts: [String: Int]) {
        self.total = total
        self.counts = counts
    }

    /// The key for a status other than OK.
    public static func statusKey(pipeline: String, format: String, status: String) -> String {
        "\(pipeline)_\(format)_\(status)"
    }

    /// The key for a scored check: the probability's tenth (`0.0-0.1` ... `0.9-1.0`, 1.0 in the last).
    public static func probabilityKey(pipeline: String, format: String, probability: Double) -> String {
        let bucket = min(max(Int((probability * 10).rounded(.down)), 0), 9)
        return "\(pipeline)_\(format)_probability_\(Double(bucket) / 10)-\(Double(bucket + 1) / 10)"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(total, forKey: Key("total"))
        for (key, count) in counts.sorted(by: { $0.key < $1.key }) { try container.encode(count, forKey: Key(key)) }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
