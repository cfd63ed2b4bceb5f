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

    /// An integer member held to the range the service model gives it, with Kinesis's validation message.
    /// - Parameters:
    ///   - name: The member (`MaxResults`).
    ///   - range: What the model allows.
    ///   - fallback: The value when the member is absent.
    func integer(_ name: String, in range: ClosedRange<Int64>, default fallback: Int64) throws(KinesisError) -> Int {
        let value = try integer(name) ?? fallback
        guard range.contains(value) else {
            let constraint =
                value < range.lowerBound
                ? "greater than or equal to \(range.lowerBound)" : "less than or equal to \(range.upperBound)"
            let member = name.prefix(1).lowercased() + name.dropFirst()
            throw .validation(
                "1 validation error detected: Value '\(value)' at '\(member)' failed to satisfy constraint: Member must have value \(constraint)"
            )
        }
        return Int(value)
    }
}
