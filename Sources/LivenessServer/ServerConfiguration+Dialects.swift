import Foundation

/// The settings of the API dialects, API keys, outbound requests and asynchronous callbacks,
/// read by `ServerConfiguration(environment:)` like the others:
///
/// | setting | environment | default |
/// |---|---|---|
/// | dialects.idLive | `LIVENESS_IDLIVE_API` | `true` |
/// | dialects.idLiveRequiresKey | `LIVENESS_IDLIVE_REQUIRE_KEY` | `false` (as the vendor's container) |
/// | dialects.argos | `LIVENESS_ARGOS_API` | `true` |
/// | dialects.argosRequiresCallback | `LIVENESS_ARGOS_REQUIRE_CALLBACK` | `false`; `true` answers 1010 to requests without `callbackUrl` |
/// | dialects.generic | `LIVENESS_GENERIC_API` | `true` |
/// | outbound.allowed | `LIVENESS_OUTBOUND_ALLOW` | none: comma-separated CIDRs (`127.0.0.1/32,10.0.0.0/8,::1/128`) exempt from the address policy |
/// | outbound.fetchMaxBytes | `LIVENESS_FETCH_MAX_BYTES` | the image limit (`LIVENESS_MAX_IMAGE_BYTES`) |
/// | outbound.fetchTimeout | `LIVENESS_FETCH_TIMEOUT_SECONDS` | 10 |
/// | callbacks.maxAttempts | `LIVENESS_CALLBACK_MAX_ATTEMPTS` | 8 |
/// | callbacks.backoff | `LIVENESS_CALLBACK_BACKOFF_MS` | 2000: waits 2, 4, 8 ... s between attempts (capped at 1 h) |
/// | callbacks.timeout | `LIVENESS_CALLBACK_TIMEOUT_SECONDS` | 10 |
/// | callbacks.jobDelay | `LIVENESS_ASYNC_DELAY_MS` | 0: how long this server holds an accepted asynchronous job before running it |
extension ServerConfiguration {
    public struct Dialects: Sendable {
        public var idLive = true
        public var idLiveRequiresKey = false
        public var argos = true
        public var argosRequiresCallback = false
        public var generic = true
        public init() {}
    }

    public struct Outbound: Sendable {
        /// Networks exempt from the outbound address policy.
        public var allowed: [IPNetwork] = []
        /// nil: the image byte limit.
        public var fetchMaxBytes: Int?
        public var fetchTimeout = Duration.seconds(10)
        public init() {}
    }

    public struct Callbacks: Sendable {
        /// Deliveries tried before a callback is marked failed. Eight attempts 2 s apart doubling
        /// span about 8.5 minutes: long enough to ride out a receiver's restart.
        public var maxAttempts = 8
        /// The wait after the first failed attempt; doubled after each further one.
        public var backoff = Duration.seconds(2)
        public var timeout = Duration.seconds(10)
        /// How long this process holds an accepted job before running it, counted from when the job
        /// was accepted (a setting of the running server, not of the stored job: a restarted
        /// server with no delay runs it at once). Lets tests stop the server in between.
        public var jobDelay = Duration.zero
        public init() {}

        /// The wait after `attempts` failed deliveries: backoff x 2^(attempts-1), at most an hour.
        public func delay(afterAttempts attempts: Int) -> Duration {
            let seconds = Double(backoff.components.seconds) + Double(backoff.components.attoseconds) / 1e18
            return .milliseconds(Int64(min(seconds * pow(2, Double(max(0, attempts - 1))), 3600) * 1000))
        }
    }

    /// Reads the table above from `environment`.
    mutating func readDialectSettings(_ environment: [String: String]) throws(ConfigurationError) {
        func flag(_ key: String, _ current: Bool) throws(ConfigurationError) -> Bool {
            guard let text = environment[key] else { return current }
            switch text.lowercased() {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            default: throw ConfigurationError(key: key, value: text, expected: "true or false")
            }
        }
        func integer(_ key: String, minimum: Int) throws(ConfigurationError) -> Int? {
            guard let text = environment[key] else { return nil }
            guard let value = Int(text), value >= minimum else { throw ConfigurationError(key: key, value: text, expected: "an integer >= \(minimum)") }
            return value
        }
        dialects.idLive = try flag("LIVENESS_IDLIVE_API", dialects.idLive)
        dialects.idLiveRequiresKey = try flag("LIVENESS_IDLIVE_REQUIRE_KEY", dialects.idLiveRequiresKey)
        dialects.argos = try flag("LIVENESS_ARGOS_API", dialects.argos)
        dialects.argosRequiresCallback = try flag("LIVENESS_ARGOS_REQUIRE_CALLBACK", dialects.argosRequiresCallback)
        dialects.generic = try flag("LIVENESS_GENERIC_API", dialects.generic)
        if let list = environment["LIVENESS_OUTBOUND_ALLOW"] {
            outbound.allowed = []
            for entry in Self.splitList(list) {
                guard let network = IPNetwork(entry) else {
                    throw ConfigurationError(key: "LIVENESS_OUTBOUND_ALLOW", value: entry, expected: "an IP address or CIDR (10.0.0.0/8, ::1/128)")
                }
                outbound.allowed.append(network)
            }
        }
        outbound.fetchMaxBytes = try integer("LIVENESS_FETCH_MAX_BYTES", minimum: 1) ?? outbound.fetchMaxBytes
        if let seconds = try integer("LIVENESS_FETCH_TIMEOUT_SECONDS", minimum: 1) { outbound.fetchTimeout = .seconds(seconds) }
        callbacks.maxAttempts = try integer("LIVENESS_CALLBACK_MAX_ATTEMPTS", minimum: 1) ?? callbacks.maxAttempts
        if let milliseconds = try integer("LIVENESS_CALLBACK_BACKOFF_MS", minimum: 0) { callbacks.backoff = .milliseconds(milliseconds) }
        if let seconds = try integer("LIVENESS_CALLBACK_TIMEOUT_SECONDS", minimum: 1) { callbacks.timeout = .seconds(seconds) }
        if let milliseconds = try integer("LIVENESS_ASYNC_DELAY_MS", minimum: 0) { callbacks.jobDelay = .milliseconds(milliseconds) }
    }
}
