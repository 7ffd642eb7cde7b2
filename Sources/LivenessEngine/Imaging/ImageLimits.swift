/// Limits on submitted images, checked from the header before any pixel is decoded.
public struct ImageLimits: Sendable {
    /// Largest encoded size in bytes. Default 25 MB: a 48 MP phone JPEG at top quality is ~20 MB.
    public var maximumEncodedBytes = 25_000_000
    /// Largest pixel count. Default 50 MP: above any phone camera's main sensor output, while the
    /// decoded BGR image (150 MB) stays bounded per request.
    public var maximumPixels = 50_000_000
    /// Smallest accepted side in pixels. Default 200: below that no document or face has enough
    /// pixels for any of the checks to mean anything.
    public var minimumSide = 200

    public init(maximumEncodedBytes: Int = 25_000_000, maximumPixels: Int = 50_000_000, minimumSide: Int = 200) {
        self.maximumEncodedBytes = maximumEncodedBytes
        self.maximumPixels = maximumPixels
        self.minimumSide = minimumSide
    }
}
