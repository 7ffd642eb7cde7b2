/// One line of a face corpus's `labels.jsonl`: what the image shows and every parameter that made it.
public struct FaceSynthLabel: Codable, Sendable, Equatable {
    public var file: String
    /// `bona_fide` or `attack`.
    public var `class`: String
    /// `none` (bona fide), `printed_photo` or `screen_replay`, as in the real sets' labels.
    public var species: String
    /// The face photo it was made from (`folder/name`), so a split can hold photos out.
    public var source: String
    /// The face in the image, [x, y, width, height] in pixels (clipped to the image).
    public var face_box: [Double]?
    public var width: Int
    public var height: Int
    public var seed: UInt64
    public var index: Int
    /// The display's name for screen replays, else null.
    public var display: String?
    public var parameters: [String: Double]

    enum CodingKeys: String, CodingKey {
        case file, `class`, species, source, face_box, width, height, seed, index, display, parameters
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(`class`, forKey: .class)
        try container.encode(species, forKey: .species)
        try container.encode(source, forKey: .source)
        try container.encode(face_box, forKey: .face_box)
        try container.encode(width, forKey: .width)
        try container.encode(height, forKey: .height)
        try container.encode(seed, forKey: .seed)
        try container.encode(index, forKey: .index)
        try container.encode(display, forKey: .display)  // null, not absent, when there is none
        try container.encode(parameters, forKey: .parameters)
    }
}
