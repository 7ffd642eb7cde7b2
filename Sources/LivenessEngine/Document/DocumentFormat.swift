/// The ISO/IEC 7810 size classes an identity document comes in, recognised by the aspect ratio of
/// the rectified document (long side / short side).
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    /// ID-1, 85.60 x 53.98 mm: identity cards, driving licences, bank cards (aspect 1.586).
    case id1 = "ID-1"
    /// ID-2, 105 x 74 mm: older identity cards and visas (aspect 1.419).
    case id2 = "ID-2"
    /// ID-3, 125 x 88 mm: a passport's data page (aspect 1.420).
    case id3 = "ID-3"
    case unknown

    /// Physical size in millimetres (long side, short side); nil for `unknown`.
    public var millimetres: (long: Double, short: Double)? {
        switch self {
        case .id1: (85.60, 53.98)
        case .id2: (105, 74)
        case .id3: (125, 88)
        case .unknown: nil
        }
    }

    public var aspectRatio: Double? { millimetres.map { $0.long / $0.short } }

    /// Rectified size in pixels at `pixelsPerMillimetre` (landscape).
    public func canonicalSize(pixelsPerMillimetre: Double) -> (width: Int, height: Int)? {
        millimetres.map { (Int(($0.long * pixelsPerMillimetre).rounded()), Int(($0.short * pixelsPerMillimetre).rounded())) }
    }

    /// The format whose aspect ratio is nearest `aspect`, within `tolerance` (relative, in log space).
    /// ID-2 and ID-3 differ by 0.1 %, so a photo cannot tell them apart: a ratio near 1.42 is
    /// reported as ID-3 (passport pages are by far the commoner document of that shape).
    public static func guess(aspect: Double, tolerance: Double = 0.08) -> DocumentFormat {
        let candidates: [DocumentFormat] = [.id1, .id3]
        let scored = candidates.map { ($0, abs(log(aspect / $0.aspectRatio!))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= tolerance else { return .unknown }
        return best.0
    }

    /// Distance in log-aspect space to the nearest known format.
    static func aspectMismatch(_ aspect: Double) -> Double {
        min(abs(log(aspect / id1Aspect)), abs(log(aspect / id3Aspect)))
    }

    private static let id1Aspect = DocumentFormat.id1.aspectRatio!, id3Aspect = DocumentFormat.id3.aspectRatio!
}

import Foundation
