/// The operating points a client may ask for (the vendor's `calibration`).
/// HARD = the raw-score threshold where APCER is 1 %, REGULAR = APCER 5 %, SOFT = APCER 10 %:
/// SOFT rejects fewer bona fide documents, HARD lets fewer attacks through.
public enum CalibrationLevel: String, Sendable, Codable, CaseIterable {
    case soft = "SOFT"
    case regular = "REGULAR"
    case hard = "HARD"
}
