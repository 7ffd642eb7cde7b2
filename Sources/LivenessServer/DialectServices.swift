import Hummingbird
import LivenessStore
import Logging

/// The Argos and generic dialects and what they share: API keys, the outbound client under the
/// address policy, the asynchronous job outbox and its worker. Built once by `buildApplication`.
struct DialectServices {
    let configuration: ServerConfiguration
    let checks: CheckService
    let authenticator: APIKeyAuthenticator
    let idLiveKeys: IDLiveKeyCheck
    let outbound: OutboundHTTP
    let wakeup = Wakeup()
    let argos: ArgosCheck
    let jobService: AsyncJobService
    let store: any LivenessDatabase

    init(configuration: ServerConfiguration, checks: CheckService, store: any LivenessDatabase, metrics: ServerMetrics, logger: Logger) {
        self.configuration = configuration
        self.checks = checks
        self.store = store
        authenticator = APIKeyAuthenticator(store: store)
        idLiveKeys = IDLiveKeyCheck(authenticator: authenticator, required: configuration.dialects.idLiveRequiresKey)
        outbound = OutboundHTTP(policy: OutboundAddressPolicy(allowed: configuration.outbound.allowed))
        argos = ArgosCheck(checks: checks)
        jobService = AsyncJobService(
            store: store, runners: [ArgosCheck.endpoint: ArgosJobRunner(argos: argos)],
            sender: CallbackSender(http: outbound, timeout: configuration.callbacks.timeout),
            settings: configuration.callbacks, wakeup: wakeup, metrics: metrics, logger: logger)
    }

    func addRoutes(to router: Router<LivenessRequestContext>) {
        if configuration.dialects.argos {
            ArgosController(argos: argos, authenticator: authenticator, jobs: store, wakeup: wakeup, outbound: outbound,
                            maxBodyBytes: configuration.maxBodyBytes, requireCallback: configuration.dialects.argosRequiresCallback,
                            imageLimits: configuration.imageLimits)
                .addRoutes(to: router)
        }
        if configuration.dialects.generic {
            let fetcher = ImageFetcher(http: outbound, maxBytes: configuration.outbound.fetchMaxBytes ?? configuration.imageLimits.maximumEncodedBytes,
                                       timeout: configuration.outbound.fetchTimeout)
            GenericController(checks: checks, authenticator: authenticator, fetcher: fetcher, maxBodyBytes: configuration.maxBodyBytes)
                .addRoutes(to: router)
        }
    }
}
