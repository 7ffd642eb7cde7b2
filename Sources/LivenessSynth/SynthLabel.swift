/// One line of `labels.jsonl`: what the image shows and every parameter that made it.
public struct SynthLabel: Codable, Sendable, Equatable {
    public var file: String
    /// `bona_fide` or `attack`.
    public var `class`: String
    public var species: String
    /// `ID-1` or `ID-3`.
    public var format: String
    /// The document's corners in the image, clockwise from its top-left.
    public var doc_quad: [[Double]]
    /// The portrait's corners in the image, clockwise from its top-left.
    public var portrait_quad: [[Double]]
    public var width: Int
    public var height: Int
    public var seed: UInt64
    public var index: Int
    public var display: String?
    public var parameters: [String: Double]
}
