import LivenessEngine

/// The synchronous 200 (and the callback body): `apiType`, `transactionId`, `engineVersion` and a
/// `liveness_score` (0-100) for each pipeline the client asked for.
struct ArgosResponse: Encodable {
    static let apiType = "id_live_doc"

    struct Score: Encodable {
        var liveness_score: Int
    }

    struct Result: Encodable {
        var screenReplay: Score?
        var paperPrinted: Score?
        var replacePortraits: Score?
    }

    var apiType = Self.apiType
    var transactionId: String
    var engineVersion: String
    var result: Result

    /// `liveness_score` = round(100 x the probability at the REGULAR operating point) (DESIGN.md):
    /// 50 is the boundary where APCER is 5 % on the calibration data.
    static func score(_ probability: Double) -> Int {
        Int((min(max(probability, 0), 1) * 100).rounded())
    }
}

/// The 201 of an asynchronous request.
struct ArgosAccepted: Encodable {
    static let message = "request has been successfully received. The response will be sent to your callback URL"
    var transactionId: String
    var engineVersion: String
    var message = Self.message
}

/// What an asynchronous Argos job keeps in the outbox besides the photo.
struct ArgosJobRequest: Codable {
    var pipelines: ArgosPipelines
    var useUpcomingVersion: Bool
}
