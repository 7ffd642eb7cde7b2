/// The OpenAPI 3.1 document (filled in below).
enum OpenAPIDocument {
    static let json = "{}"
}
