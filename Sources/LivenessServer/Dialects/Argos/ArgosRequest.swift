import Foundation

/// The body of `POST /modules/document`: `idImage` (base64), `pipelines {sr, pc, ps}` (three
/// booleans, all required), `useUpcomingVersion`, `callbackUrl`. Each field is checked in turn so
/// the error names the first one at fault with the vendor's code.
struct ArgosRequest {
    var idImage: String
    var pipelines: ArgosPipelines
    var useUpcomingVersion: Bool
    /// nil: answer synchronously.
    var callbackURL: String?

    /// Parses the JSON body. `requireCallback`: the operator allows asynchronous requests only.
    static func parse(_ body: Data, requireCallback: Bool) throws(ArgosError) -> ArgosRequest {
        guard let object = JSONValue.object(from: body) else { throw .failToProcess("the body must be a JSON object") }
        let idImage: String
        switch object["idImage"] {
        case nil, .null, .string(""): throw .idImageRequired
        case .string(let text): idImage = text
        default: throw .failToProcess("idImage must be a base64 string")
        }

        guard let pipelinesValue = object["pipelines"], pipelinesValue != .null else { throw .pipelinesRequired }
        let pipelines = try ArgosPipelines.parse(pipelinesValue)

        let useUpcoming = try flag(object["useUpcomingVersion"], field: "useUpcomingVersion")

        var callbackURL: String?
        switch object["callbackUrl"] {
        case nil, .null:
            if requireCallback { throw .callbackRequired("this server answers asynchronously only; give a callbackUrl") }
        case .string(let text):
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw .callbackRequired("callbackUrl is empty") }
            callbackURL = text
        default:
            throw .failToProcess("callbackUrl must be a string (an http or https URL)")
        }
        return ArgosRequest(idImage: idImage, pipelines: pipelines, useUpcomingVersion: useUpcoming, callbackURL: callbackURL)
    }

    /// A boolean; the vendor's documented default is the string 'False', so "true"/"false" strings
    /// are accepted too. Absent or null is false.
    private static func flag(_ value: JSONValue?, field: String) throws(ArgosError) -> Bool {
        switch value {
        case nil, .null: return false
        case .bool(let flag): return flag
        case .string(let text) where ["true", "false"].contains(text.lowercased()): return text.lowercased() == "true"
        default: throw .failToProcess("\(field) must be a boolean")
        }
    }
}

/// Which of the three pipelines to run.
struct ArgosPipelines: Codable, Equatable {
    var sr: Bool
    var pc: Bool
    var ps: Bool

    static func parse(_ value: JSONValue) throws(ArgosError) -> ArgosPipelines {
        guard case .object(let object) = value else {
            throw .invalidPipelines("pipelines must be an object {\"sr\": bool, \"pc\": bool, \"ps\": bool}")
        }
        func flag(_ key: String) throws(ArgosError) -> Bool {
            guard let entry = object[key] else { throw .invalidPipelines("pipelines.\(key) is missing; sr, pc and ps are all required") }
            guard case .bool(let flag) = entry else { throw .invalidPipelines("pipelines.\(key) must be true or false") }
            return flag
        }
        let pipelines = ArgosPipelines(sr: try flag("sr"), pc: try flag("pc"), ps: try flag("ps"))
        if let unknown = object.keys.filter({ !["sr", "pc", "ps"].contains($0) }).sorted().first {
            throw .invalidPipelines("unknown pipeline '\(unknown)'; expected sr, pc and ps")
        }
        return pipelines
    }
}
