import AWSWire

/// What Kinesis can do and the emulator cannot, in one place: operations it does not serve and members whose meaning
/// it does not implement are answered with `501 NotImplemented` (`{"__type": "NotImplemented", ...}`) instead of
/// being ignored. Members are refused once the caller is authorized (``KinesisService/authorize(_:resource:)``).
enum KinesisUnsupportedFeatures {
    /// A member of an operation's input that the emulator does not implement (for some or all values).
    struct Member: Sendable {
        var operation: String
        var name: String
        /// Whether a value asks for what the emulator lacks.
        var refuses: @Sendable (AWSDocument) -> Bool
        var reason: String
    }

    /// Every member refused.
    static let members: [Member] = [
        Member(
            operation: "CreateStream", name: "WarmThroughputMiBps", refuses: { $0 != .null },
            reason: "warm throughput for on-demand streams"),
        Member(
            operation: "UpdateStreamMode", name: "WarmThroughputMiBps", refuses: { $0 != .null },
            reason: "warm throughput for on-demand streams"),
        Member(
            operation: "CreateStream", name: "MaxRecordSizeInKiB", refuses: { $0 != .null && $0.integer != 1024 },
            reason: "records larger than 1 MiB"),
        Member(
            operation: "RegisterStreamConsumer", name: "Tags", refuses: { !($0.map?.isEmpty ?? true) },
            reason: "tags on stream consumers"),
        Member(
            operation: "StartStreamEncryption", name: "KeyId",
            refuses: { $0.string != "alias/aws/kinesis" },
            reason: "KMS keys other than the AWS managed key alias/aws/kinesis (there is no KMS to check them)"),
    ]

    /// Kinesis operations (botocore's model, 2013-12-02) that the emulator does not serve.
    static let unservedOperations: Set<String> = [
        "DeleteResourcePolicy", "DescribeAccountSettings", "DescribeLimits", "GetResourcePolicy",
        "ListTagsForResource", "PutResourcePolicy", "SubscribeToShard", "TagResource", "UntagResource",
        "UpdateAccountSettings", "UpdateMaxRecordSize", "UpdateStreamWarmThroughput",
    ]

    /// The first member of a call that the emulator does not implement, as the error to answer.
    static func refusal(_ call: KinesisCall) -> KinesisError? {
        for member in members where member.operation == call.operation {
            if let value = call.input[member.name], member.refuses(value) {
                return .notImplemented(
                    "The member \(member.name) of \(call.operation) is not implemented: \(member.reason).")
            }
        }
        return nil
    }

    /// The error for an operation the emulator does not serve: `NotImplemented` for one Kinesis has,
    /// `UnknownOperationException` (what Kinesis answers) for any other.
    static func unservedOperation(_ name: String, target: String) -> KinesisError {
        unservedOperations.contains(name)
            ? .notImplemented("The operation \(name) is not implemented.")
            : KinesisError("UnknownOperationException", "Unknown operation \(target)")
    }
}

extension KinesisError {
    /// Something Kinesis does that the emulator cannot (`501`).
    static func notImplemented(_ message: String) -> KinesisError {
        KinesisError("NotImplemented", message, status: .notImplemented)
    }
}
