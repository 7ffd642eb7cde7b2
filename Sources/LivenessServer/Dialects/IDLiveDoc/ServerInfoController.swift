import Hummingbird
import LivenessEngine
import LivenessStore

/// `GET /api_version`, `GET /license_info` and `GET /bi_report`, in the vendor's shapes.
struct ServerInfoController {
    let registry: PipelineRegistry
    let store: any TransactionStore
    /// Model name -> version of every active model.
    let modelVersions: [String: String]
    let face: FaceCapability
    let keys: IDLiveKeyCheck

    func addRoutes(to router: Router<LivenessRequestContext>) {
        router.get("api_version") { _, _ in try JSONResponse.make(apiVersion()) }
        router.get("license_info") { _, _ in try JSONResponse.make(licenseInfo()) }
        router.get("bi_report") { request, _ in try await biReport(request) }
    }

    struct APIVersion: Encodable {
        var product: String
        var version: String
        /// Every name a client may use for an available pipeline (canonical names and aliases).
        var availablePipelines: [String]
        /// Alias -> canonical name, for the available pipelines.
        var pipelineAliases: [String: String]
        /// The vendor's field, kept so its clients keep parsing: every available pipeline maps to
        /// null, because nothing in this server expires.
        var expirationDates: [String: String?]
        /// Active models (face detector, pipeline heads) and their versions.
        var models: [String: String]
        /// Face liveness (ours): the signal sets that can be scored, the default, the face model's
        /// version and whether the MiniFASNet pack is installed.
        var faceLiveness: FaceLiveness
    }

    struct FaceLiveness: Encodable {
        var signals: [String]
        var defaultSignals: String?
        var modelVersion: String?
        var minifasnet: Bool
    }

    func apiVersion() -> APIVersion {
        let kinds = registry.availableKinds
        var aliases: [String: String] = [:]
        for kind in kinds { for alias in kind.aliases { aliases[alias] = kind.canonicalName } }
        return APIVersion(product: "Liveness Server", version: EngineVersion.current,
                          availablePipelines: kinds.flatMap(\.names),
                          pipelineAliases: aliases,
                          expirationDates: Dictionary(uniqueKeysWithValues: kinds.map { ($0.canonicalName, String?.none) }),
                          models: modelVersions,
                          faceLiveness: FaceLiveness(signals: face.signals.map(\.rawValue), defaultSignals: face.defaultSignals?.rawValue,
                                                     modelVersion: face.modelVersion, minifasnet: face.networksInstalled))
    }

    /// One entry per available pipeline. No licence ever expires: `expirationDate` is always null
    /// (the key is kept so clients that read it keep parsing).
    struct LicenseEntry: Encodable {
        var attackType: String
        var pipelineName: String
        var expirationDate: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(attackType, forKey: .attackType)
            try container.encode(pipelineName, forKey: .pipelineName)
            try container.encodeNil(forKey: .expirationDate)
        }

        private enum CodingKeys: String, CodingKey { case attackType, pipelineName, expirationDate }
    }

    func licenseInfo() -> [LicenseEntry] {
        registry.availableKinds.map { LicenseEntry(attackType: $0.attackType, pipelineName: $0.canonicalName) }
    }

    /// `date_from` and `date_to` (`yyyy-MM-dd`, both inclusive, UTC days); `workspace` (ours)
    /// counts one workspace's checks only. When the IDLive dialect requires keys, a key sees only
    /// its own workspace's counts.
    func biReport(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        func day(_ key: String) throws(APIError) -> Day {
            guard let text = query[Substring(key)].map(String.init) else { throw .missingField(key) }
            guard let day = Day(text) else { throw .invalidField(key, "\(key) '\(text)' is not a date in the format yyyy-MM-dd") }
            return day
        }
        let from = try day("date_from"), through = try day("date_to")
        guard from <= through else { throw APIError.invalidField("date_to", "date_to (\(through)) is before date_from (\(from))") }
        var workspace = query["workspace"].map(String.init)
        if let own = try await keys.workspace(of: request), keys.required {
            guard workspace == nil || workspace == own else {
                throw APIError(status: .forbidden, code: "FORBIDDEN", field: "workspace", message: "this key may only see workspace '\(own)'")
            }
            workspace = own
        }
        return try JSONResponse.make(try await store.report(from: from, through: through, workspace: workspace))
    }
}
