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
    /// The photo under the document (`--backgrounds`), by file name; nil: a procedural surface.
    public var background: String? = nil
    /// `digital_manipulation`'s edit: `copy_move`, `splice` or `retype`.
    public var manipulation: String? = nil
    /// The regions an edit changed (`edited`) or copied from (`source`).
    public var edits: [SynthEdit]? = nil
}

/// A region of a digital edit: on the card (x, y, width, height in its 20 px/mm pixels) and in
/// the image (its corners, clockwise from the top-left).
public struct SynthEdit: Codable, Sendable, Equatable {
    /// `edited` (changed pixels lie inside) or `source` (where a copy-move's pixels came from).
    public var role: String
    public var card_box: [Double]
    public var image_quad: [[Double]]
}
