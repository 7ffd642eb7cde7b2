/// A document found in a photo.
public struct LocatedDocument: Sendable, Codable {
    /// Corners in the (oriented) photo's pixels, clockwise from the document's top-left.
    public var quad: Quad
    /// 0...1: how strongly the four sides are backed by straight edges and the shape by a known format.
    public var confidence: Double
    /// Format guessed from the rectified aspect ratio.
    public var format: DocumentFormat
    /// Estimated aspect ratio (long / short) of the document itself, perspective removed approximately.
    public var aspectRatio: Double
    /// Edge support of each side (TL->TR, TR->BR, BR->BL, BL->TL), 0...1.
    public var sideSupport: [Double]
    /// True when part of the document lies outside the frame (or along its border).
    public var isCropped: Bool
}
