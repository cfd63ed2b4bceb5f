import AWSWire
import Foundation
import PolicyEngine

/// One Kinesis operation as a handler sees it: its members, the caller, the clock.
struct KinesisCall: Sendable {
    var operation: String
    var input: [String: AWSDocument]
    var credential: AWSCredential
    var region: String
    var request: EmulatorRequest
    var now: Date

    var accountId: String { credential.principal.accountId }

    func string(_ name: String) -> String? { input[name]?.string }

    func required(_ name: String) throws(KinesisError) -> String {
        guard let value = input[name], value != .null else { throw .missing(name) }
        guard let text = value.string else { throw .serialization("\(name) must be a string") }
        return text
    }

    func integer(_ name: String) throws(KinesisError) -> Int64? {
        guard let value = input[name], value != .null else { return nil }
        guard let number = value.integer else { throw .serialization("\(name) must be an integer") }
        return number
    }
}
