@testable import LivenessServer
import Testing

/// The dialect, outbound and callback settings read from the environment.
struct DialectConfigurationTests {
    @Test("every setting is read, with its default when absent")
    func readsEnvironment() throws {
        let defaults = try ServerConfiguration(environment: [:])
        #expect(defaults.dialects.idLive && defaults.dialects.argos && defaults.dialects.generic)
        #expect(!defaults.dialects.idLiveRequiresKey && !defaults.dialects.argosRequiresCallback)
        #expect(defaults.outbound.allowed.isEmpty && defaults.outbound.fetchMaxBytes == nil)
        #expect(defaults.callbacks.maxAttempts == 8 && defaults.callbacks.jobDelay == .zero)

        let set = try ServerConfiguration(environment: [
            "LIVENESS_IDLIVE_API": "off", "LIVENESS_ARGOS_API": "false", "LIVENESS_GENERIC_API": "0",
            "LIVENESS_IDLIVE_REQUIRE_KEY": "yes", "LIVENESS_ARGOS_REQUIRE_CALLBACK": "TRUE",
            "LIVENESS_OUTBOUND_ALLOW": "10.1.0.0/16, ::1", "LIVENESS_FETCH_MAX_BYTES": "1000", "LIVENESS_FETCH_TIMEOUT_SECONDS": "3",
            "LIVENESS_CALLBACK_MAX_ATTEMPTS": "2", "LIVENESS_CALLBACK_BACKOFF_MS": "50", "LIVENESS_CALLBACK_TIMEOUT_SECONDS": "4",
            "LIVENESS_ASYNC_DELAY_MS": "250",
        ])
        #expect(!set.dialects.idLive && !set.dialects.argos && !set.dialects.generic)
        #expect(set.dialects.idLiveRequiresKey && set.dialects.argosRequiresCallback)
        #expect(set.outbound.allowed.map(\.description) == ["10.1.0.0/16", "::1/128"])
        #expect(set.outbound.fetchMaxBytes == 1000 && set.outbound.fetchTimeout == .seconds(3))
        #expect(set.callbacks.maxAttempts == 2 && set.callbacks.backoff == .milliseconds(50) && set.callbacks.timeout == .seconds(4))
        #expect(set.callbacks.jobDelay == .milliseconds(250))
    }

    @Test("a bad value names its variable")
    func refusesBadValues() {
        for (key, value) in [("LIVENESS_ARGOS_API", "maybe"), ("LIVENESS_OUTBOUND_ALLOW", "10.0.0.0/40"),
                             ("LIVENESS_CALLBACK_MAX_ATTEMPTS", "0"), ("LIVENESS_FETCH_TIMEOUT_SECONDS", "soon")] {
            #expect(throws: ConfigurationError.self, "\(key)=\(value)") { _ = try ServerConfiguration(environment: [key: value]) }
            do {
                _ = try ServerConfiguration(environment: [key: value])
            } catch {
                #expect(error.key == key)
            }
        }
    }
}
