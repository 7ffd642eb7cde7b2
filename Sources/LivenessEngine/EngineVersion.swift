/// The engine's version, reported by `/api_version`, in every response and stored with every check.
public enum EngineVersion {
    public static let current = "0.3.0"
}
