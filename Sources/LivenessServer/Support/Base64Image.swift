import Foundation

/// Decodes the base64 image of a JSON request. Tolerates what real clients send: a
/// `data:image/...;base64,` prefix (or the bare `image/png;base64,` the Argos documents show), line breaks (the vendor's own curl example pipes `base64`,
/// which wraps at 76 columns) and missing `=` padding. Anything else outside the alphabet is refused.
enum Base64Image {
    static func decode(_ text: String, field: String) throws(APIError) -> [UInt8] {
        var payload = Substring(text)
        if payload.hasPrefix("data:") || payload.hasPrefix("image/") {
            guard let comma = payload.firstIndex(of: ","), payload[..<comma].hasSuffix(";base64") else {
                throw .invalidField(field, "\(field) is a data URL without ';base64,'")
            }
            payload = payload[payload.index(after: comma)...]
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(payload.utf8.count + 3)
        for byte in payload.utf8 where byte != 0x0A && byte != 0x0D && byte != 0x20 && byte != 0x09 { bytes.append(byte) }
        guard !bytes.isEmpty else { throw .invalidField(field, "\(field) is empty") }
        switch bytes.count % 4 {
        case 2: bytes += [0x3D, 0x3D]
        case 3: bytes.append(0x3D)
        case 1: throw .invalidField(field, "\(field) is not valid base64 (its length is not possible for base64)")
        default: break
        }
        guard let data = Data(base64Encoded: Data(bytes)) else {
            throw .invalidField(field, "\(field) is not valid base64")
        }
        return [UInt8](data)
    }
}
