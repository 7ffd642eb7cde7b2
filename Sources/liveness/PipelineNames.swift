import LivenessEngine
import LivenessServer

/// Pipeline lists on the command line: any name the API accepts, or the short codes `sr`, `pc`,
/// `ps`, `sd` (handy at a prompt; the HTTP API keeps the vendor's names only).
enum PipelineNames {
    static func parse(_ text: String) -> [String] {
        ServerConfiguration.splitList(text).map { name in
            PipelineKind.allCases.first { $0.shortCode == name }?.canonicalName ?? name
        }
    }
}
