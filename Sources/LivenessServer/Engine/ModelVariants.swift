import Foundation
import LivenessEngine

/// The model versions a request can ask for. When several versions of a pipeline are installed,
/// the default is the first registered (what the engine's registry picks) and the upcoming one is
/// the highest version (compared numerically: `1.10` > `1.9`). Argos clients choose with
/// `useUpcomingVersion`; the other dialects always use the default.
struct ModelVariants {
    let standard: [PipelineDescriptor]
    /// nil when no pipeline has a newer version than its default.
    let upcoming: [PipelineDescriptor]?

    init(_ implemented: [PipelineDescriptor]) {
        var standard: [PipelineDescriptor] = []
        var newest: [PipelineDescriptor] = []
        for descriptor in implemented {
            if !standard.contains(where: { $0.kind == descriptor.kind }) { standard.append(descriptor) }
            if let index = newest.firstIndex(where: { $0.kind == descriptor.kind }) {
                if descriptor.modelVersion.compare(newest[index].modelVersion, options: .numeric) == .orderedDescending { newest[index] = descriptor }
            } else {
                newest.append(descriptor)
            }
        }
        self.standard = standard
        let differs = zip(standard, newest).contains { $0.modelVersion != $1.modelVersion }
        upcoming = differs ? newest : nil
    }

    /// `liveness@<engine version>`, with `+upcoming` when the upcoming models ran.
    static func engineVersion(upcoming: Bool) -> String {
        "liveness@\(EngineVersion.current)" + (upcoming ? "+upcoming" : "")
    }
}
