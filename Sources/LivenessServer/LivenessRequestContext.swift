import Foundation
import Hummingbird
import Logging

/// Per-request context: Hummingbird's core storage plus the transaction id every response,
/// log line and stored check carries.
public struct LivenessRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let transactionID: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        transactionID = UUID().uuidString.lowercased()
        logger[metadataKey: "transaction_id"] = .string(transactionID)
    }
}
