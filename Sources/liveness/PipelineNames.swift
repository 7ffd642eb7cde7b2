import LivenessEngine
import LivenessServer

/// Pipeline lists on the command line: any name the API accepts, or the short codes `sr`, `pc`,
/// `ps`, `sd` (handy at a prompt; the HTTP API keeps the vendor's names only).
extension PipelineRegion {
    /// A region named on the command line.
    static func parse(_ name: String) throws -> PipelineRegion {
        guard let region = PipelineRegion(rawValue: name) else {
            throw CLIFailure.badInput("unknown region '\(name)' (\(allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return region
    }

    /// A comma-separated list of regions.
    static func parseList(_ text: String) throws -> [PipelineRegion] {
        try ServerConfiguration.splitList(text).map(parse)
    }
}

enum PipelineNames {
    static func parse(_ text: String) -> [String] {
        ServerConfiguration.splitList(text).map { name in
            PipelineKind.allCases.first { $0.shortCode == name }?.canonicalName ?? name
        }
    }
}
