/// The part of a photo a pipeline scores.
public enum PipelineRegion: String, Sendable, Codable, CaseIterable {
    /// The main document with a margin of its surroundings (a screen's bezel, a sheet's edge).
    case document
    /// The whole photo: the same cues answer "is this a photo of a screen / of a print?" for any picture.
    case frame

    /// The margin around the document, as a fraction of its bounding box's larger side.
    static let documentMargin = 0.1

    /// The pixels to score, at the photo's own resolution; nil when the document region is asked
    /// for and no document was found.
    public func pixels(of analysis: DocumentAnalysis) throws -> Mat? {
        switch self {
        case .frame:
            return analysis.frame
        case .document:
            guard let document = analysis.documents.first else { return nil }
            let box = document.location.quad.boundingBox
            let margin = Self.documentMargin * max(box.width, box.height)
            return try analysis.frame.cropped(box.expanded(by: margin).intersection(analysis.frame.bounds))
        }
    }
}
