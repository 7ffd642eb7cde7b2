import Foundation
import MultipartKit
import NIOCore

/// Pulls one file out of a `multipart/form-data` body.
enum MultipartFile {
    static func extract(named field: String, from body: Data, contentType: String?) throws(APIError) -> [UInt8] {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = boundary(of: contentType) else {
            throw .invalidField(field, "send the image as a multipart/form-data part named '\(field)' (Content-Type: multipart/form-data; boundary=...)")
        }
        let parser = MultipartParser(boundary: boundary)
        var headers: [String: String] = [:]
        var content: [UInt8] = []
        var found: [UInt8]?
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in content += buffer.readableBytesView }
        parser.onPartComplete = {
            if found == nil, let disposition = headers["content-disposition"], Self.name(in: disposition) == field { found = content }
            headers = [:]
            content = []
        }
        do {
            try parser.execute([UInt8](body))
        } catch {
            throw .invalidField(field, "the multipart body is malformed")
        }
        guard let found else { throw .missingField(field) }
        guard !found.isEmpty else { throw .invalidField(field, "\(field) is empty") }
        return found
    }

    /// The `boundary` parameter of a Content-Type, unquoted.
    static func boundary(of contentType: String) -> String? {
        parameter("boundary", in: contentType)
    }

    /// The `name` parameter of a Content-Disposition.
    static func name(in disposition: String) -> String? {
        parameter("name", in: disposition)
    }

    private static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty ? nil : value
        }
        return nil
    }
}
