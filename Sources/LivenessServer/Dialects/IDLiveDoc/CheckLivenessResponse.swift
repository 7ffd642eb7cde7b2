import LivenessEngine

/// The vendor's response, field for field; our additions live under `x_liveness` only.
struct CheckLivenessResponse: Encodable {
    struct PipelineResult: Encodable {
        var pipeline_name: String
        var calibration: String
        var result: Result
    }

    /// For a non-OK status only `status_code` is present, as in the vendor's example.
    struct Result: Encodable {
        var liveness_probability: Double?
        var liveness_score: Double?
        var image_quality_warnings: [String]?
        var status_code: String
    }

    var aggregate_liveness_probability: Double?
    var aggregate_image_quality_warnings: [String]?
    var pipeline_results: [PipelineResult]
    var x_liveness: ResponseExtension

    init(_ completed: CheckService.Completed) {
        let result = completed.result
        aggregate_liveness_probability = result.aggregateProbability
        aggregate_image_quality_warnings = result.aggregateWarnings?.map(\.rawValue)
        pipeline_results = result.outcomes.map { outcome in
            PipelineResult(
                pipeline_name: outcome.pipeline.requestedName, calibration: outcome.pipeline.calibration.rawValue,
                result: outcome.status == .ok
                    ? Result(liveness_probability: outcome.probability, liveness_score: outcome.score,
                             image_quality_warnings: outcome.warnings.map(\.rawValue), status_code: "OK")
                    : Result(status_code: outcome.status.rawValue))
        }
        x_liveness = ResponseExtension(completed)
    }
}
