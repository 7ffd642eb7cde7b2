/// The pipelines this server can run: the implemented ones, restricted to the configured list.
/// A pipeline that is not implemented yet, or not in the list, is simply "not available".
public struct PipelineRegistry: Sendable {
    public let descriptors: [PipelineDescriptor]

    /// - Parameters:
    ///   - implemented: every pipeline built into this engine version.
    ///   - availableNames: names (canonical or aliases) the operator allows; nil = all implemented.
    ///   Descriptors are kept in the order of `PipelineKind.allCases` (sr, pc, ps, sd).
    public init(implemented: [PipelineDescriptor], availableNames: [String]? = nil) throws(PipelineRegistryError) {
        var allowed = Set(PipelineKind.allCases)
        if let availableNames {
            allowed = []
            for name in availableNames {
                guard let kind = PipelineKind(name: name) else { throw PipelineRegistryError(unknownName: name) }
                allowed.insert(kind)
            }
        }
        let order = Dictionary(uniqueKeysWithValues: PipelineKind.allCases.enumerated().map { ($1, $0) })
        descriptors = implemented.filter { allowed.contains($0.kind) }.sorted { order[$0.kind]! < order[$1.kind]! }
    }

    /// The pipelines of this engine whose models are installed (`ModelLibrary.defaultDirectory()`),
    /// loaded once. A model that fails to load is left out and its reason kept in `builtInProblems`.
    public static var builtIn: [PipelineDescriptor] { loadedBuiltIn.descriptors }
    /// Why an installed model could not be loaded (empty when all loaded).
    public static var builtInProblems: [String] { loadedBuiltIn.problems }

    private static let loadedBuiltIn: (descriptors: [PipelineDescriptor], problems: [String]) = {
        guard let directory = ModelLibrary.defaultDirectory() else { return ([], ["no Models directory found (set LIVENESS_MODELS)"]) }
        do {
            return (try ModelLibrary.cueDescriptors(in: directory), [])
        } catch {
            return ([], ["\(error)"])
        }
    }()

    public var availableKinds: [PipelineKind] { descriptors.map(\.kind) }

    public func descriptor(for kind: PipelineKind) -> PipelineDescriptor? {
        descriptors.first { $0.kind == kind }
    }
}

/// A configured pipeline name that no pipeline answers to.
public struct PipelineRegistryError: Error, Sendable, CustomStringConvertible {
    public let unknownName: String
    public var description: String {
        "unknown pipeline name '\(unknownName)' in the available-pipelines list; known: "
            + PipelineKind.allCases.flatMap(\.names).joined(separator: ", ")
    }
}
