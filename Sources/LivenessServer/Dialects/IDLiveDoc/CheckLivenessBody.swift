import Foundation
import LivenessEngine

/// The JSON body of `POST /check_liveness`, validated field by field so every refusal names the
/// field at fault: `{"image": base64, "pipelines": [{"pipeline_name", "calibration"?}], "errors_to_ignore"?}`.
struct CheckLivenessBody: Decodable {
    struct PipelineEntry {
        var name: String
        var calibration: CalibrationLevel
    }

    var image: String
    var pipelines: [PipelineEntry]
    var errorsToIgnore: [String]

    private enum Key: String, CodingKey {
        case image, pipelines, errorsToIgnore = "errors_to_ignore"
    }

    private enum PipelineKey: String, CodingKey {
        case pipelineName = "pipeline_name", calibration
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.jsonObject(keyedBy: Key.self)
        image = try container.base64Image(.image)

        guard container.contains(.pipelines), try !container.decodeNil(forKey: .pipelines) else { throw APIError.missingField("pipelines") }
        guard var list = try? container.nestedUnkeyedContainer(forKey: .pipelines) else {
            throw APIError.invalidField("pipelines", "pipelines must be an array of {\"pipeline_name\": ..., \"calibration\": ...}")
        }
        var pipelines: [PipelineEntry] = []
        while !list.isAtEnd {
            let field = "pipelines[\(pipelines.count)]"
            guard let entry = try? list.nestedContainer(keyedBy: PipelineKey.self) else {
                throw APIError.invalidField(field, "\(field) must be an object with a pipeline_name")
            }
            guard let name = try? entry.decode(String.self, forKey: .pipelineName) else {
                throw entry.contains(.pipelineName) ? APIError.invalidField("\(field).pipeline_name", "pipeline_name must be a string")
                    : APIError.missingField("\(field).pipeline_name")
            }
            pipelines.append(PipelineEntry(name: name, calibration: try entry.calibrationLevel(.calibration, field: "\(field).calibration")))
        }
        self.pipelines = pipelines

        errorsToIgnore = try container.errorsToIgnore(.errorsToIgnore)
    }

    static func calibration(_ text: String, field: String) throws(APIError) -> CalibrationLevel {
        guard let level = CalibrationLevel(rawValue: text) else {
            throw .invalidField(field, "unknown calibration '\(text)'; expected REGULAR, SOFT or HARD")
        }
        return level
    }

    /// Checks `errors_to_ignore`: only DOCUMENT_CROPPED and DOCUMENT_IS_COLORLESS may be ignored.
    static func ignoredStatuses(_ names: [String], field: String) throws(APIError) -> Set<ValidationStatus> {
        var ignored = Set<ValidationStatus>()
        for (index, name) in names.enumerated() {
            guard let status = ValidationStatus(rawValue: name), status.isIgnorable else {
                throw .invalidField("\(field)[\(index)]", "'\(name)' cannot be ignored; only DOCUMENT_CROPPED and DOCUMENT_IS_COLORLESS can")
            }
            ignored.insert(status)
        }
        return ignored
    }
}

extension Decoder {
    /// The body as a JSON object, or a refusal saying it must be one.
    func jsonObject<Key: CodingKey>(keyedBy: Key.Type) throws -> KeyedDecodingContainer<Key> {
        do {
            return try container(keyedBy: Key.self)
        } catch {
            throw APIError.malformedBody("the body must be a JSON object")
        }
    }
}

extension KeyedDecodingContainer {
    /// An optional string (nil when absent or null), refused as `field` (the key's name unless
    /// given) when it is anything else; `expected` ends the refusal's message.
    func optionalString(_ key: Key, field: String? = nil, expected: String = "") throws -> String? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        guard let text = try? decode(String.self, forKey: key) else {
            throw APIError.invalidField(field ?? key.stringValue, "\(key.stringValue) must be a string\(expected)")
        }
        return text
    }

    /// An optional calibration level: REGULAR when absent or null.
    func calibrationLevel(_ key: Key, field: String? = nil) throws -> CalibrationLevel {
        guard let text = try optionalString(key, field: field) else { return .regular }
        return try CheckLivenessBody.calibration(text, field: field ?? key.stringValue)
    }

    /// A required string of base64 image data, refused by the field's name when absent or not a string.
    func base64Image(_ key: Key) throws -> String {
        guard contains(key), try !decodeNil(forKey: key) else { throw APIError.missingField(key.stringValue) }
        guard let image = try? decode(String.self, forKey: key) else {
            throw APIError.invalidField(key.stringValue, "\(key.stringValue) must be a string of base64-encoded image data")
        }
        return image
    }

    /// `errors_to_ignore`: an optional array of strings (empty when absent or null).
    func errorsToIgnore(_ key: Key) throws -> [String] {
        guard contains(key), try !decodeNil(forKey: key) else { return [] }
        guard let errors = try? decode([String].self, forKey: key) else {
            throw APIError.invalidField(key.stringValue, "\(key.stringValue) must be an array of strings")
        }
        return errors
    }
}
