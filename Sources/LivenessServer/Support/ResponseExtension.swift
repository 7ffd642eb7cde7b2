import LivenessEngine

/// What our server adds to a dialect's response, under one key (`x_liveness`) so the vendor's
/// fields are never changed: the transaction, the validation of the photo as a whole, where the
/// documents are, and where the time went.
struct ResponseExtension: Encodable {
    struct Validation: Encodable {
        /// The photo's first status before `errors_to_ignore` and per-pipeline rules (`OK` when none).
        var status_code: String
        var statuses: [String]
        var image_quality_warnings: [String]
    }

    struct Document: Encodable {
        /// Corners in the photo's pixels (after EXIF orientation), clockwise from the document's top-left.
        var corners: [[Double]]
        var format: String
        var confidence: Double
        var cropped: Bool
        var portrait_corners: [[Double]]?
    }

    struct Image: Encodable {
        var width: Int
        var height: Int
        var format: String
        var jpeg_quality: Int?
    }

    struct Timings: Encodable {
        var queue: Double
        var decode: Double
        var locate: Double
        var rectify: Double
        var validate: Double
        var pipelines: Double
        /// From the request's arrival to the end of the check (parsing and queueing included).
        var total: Double
    }

    var transaction_id: String
    var engine_version: String
    var validation: Validation
    var image: Image
    var documents: [Document]
    var timings_ms: Timings

    init(_ completed: CheckService.Completed) {
        let report = completed.result.report
        transaction_id = completed.transactionID
        engine_version = EngineVersion.current
        validation = Validation(status_code: (report.statuses.first ?? .ok).rawValue, statuses: report.statuses.map(\.rawValue),
                                image_quality_warnings: report.warnings.map(\.rawValue))
        image = Image(width: report.image.width, height: report.image.height, format: report.image.format.rawValue,
                      jpeg_quality: report.image.jpegQuality)
        documents = report.documents.map {
            Document(corners: $0.corners.map(\.rounded), format: $0.format.rawValue, confidence: ($0.confidence * 1000).rounded() / 1000,
                     cropped: $0.cropped, portrait_corners: $0.portraitCorners?.map(\.rounded))
        }
        let stages = report.timingsMilliseconds
        timings_ms = Timings(queue: completed.queueMilliseconds.rounded2, decode: stages.decode.rounded2, locate: stages.locate.rounded2,
                             rectify: stages.rectify.rounded2, validate: stages.validate.rounded2,
                             pipelines: completed.result.pipelineMilliseconds.rounded2, total: completed.latencyMilliseconds.rounded2)
    }
}

private extension Point {
    var rounded: [Double] { [(x * 10).rounded() / 10, (y * 10).rounded() / 10] }
}

private extension Double {
    var rounded2: Double { (self * 100).rounded() / 100 }
}
