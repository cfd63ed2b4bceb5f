import AWSWire
import Foundation
import NIOCore

/// Streams: create, delete, describe (full and summary), list, tags, retention.
extension KinesisService {
    // MARK: - Finding streams

    /// The stream a call names by `StreamName` or `StreamARN`: its key, name and ARN.
    func streamReference(_ call: KinesisCall) throws(KinesisError) -> (key: String, name: String, arn: String) {
        if let arn = call.string("StreamARN") {
            let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, parts[0] == "arn", parts[2] == "kinesis", parts[5].hasPrefix("stream/") else {
                throw .validation(
                    "1 validation error detected: Value '\(arn)' at 'streamARN' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+"
                )
            }
            let name = String(parts[5].dropFirst("stream/".count))
            return (Self.key(account: String(parts[4]), region: String(parts[3]), name: name), name, arn)
        }
        let name = try call.required("StreamName")
        try Self.validateName(name)
        return (
            Self.key(account: call.accountId, region: call.region, name: name), name,
            Self.arn(region: call.region, account: call.accountId, stream: name)
        )
    }

    static func validateName(_ name: String) throws(KinesisError) {
        guard (1...128).contains(name.count),
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) })
        else {
            throw .validation(
                "1 validation error detected: Value '\(name)' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"
            )
        }
    }

    typealias Transaction = JournaledStore<KinesisState>.Transaction

    /// Records a change in the journal and applies it.
    static func apply(
        _ mutation: KinesisState.Mutation, payload: ByteBuffer = ByteBuffer(), to transaction: inout Transaction
    )
        throws(KinesisError)
    {
        do {
            try transaction.apply(mutation, payload: payload)
        } catch {
            throw KinesisError(
                "InternalFailure", "The emulator could not record the change: \(error.underlying)",
                status: .internalServerError)
        }
    }

    /// Applies due lifecycle transitions to a stream (CREATING/UPDATING -> ACTIVE, DELETING -> gone).
    static func settle(_ transaction: inout Transaction, key: String, now: Date) throws(KinesisError) {
        guard var stream = transaction.state.streams[key] else { return }
        var changed = false
        if let at = stream.transitionAt, at <= now {
            if stream.status == "DELETING" {
                try apply(.deleteStream(key: key), to: &transaction)
                return
            }
            stream.status = "ACTIVE"
            stream.transitionAt = nil
            changed = true
        }
        let consumers = stream.consumers
        settleConsumers(&stream, now: now)
        if changed || stream.consumers != consumers {
            try apply(.putStream(key: key, stream.withoutRecords), to: &transaction)
        }
    }

    /// Runs a body on a stream that exists (after authorizing the call on it), journaling what it changed.
    func withStream<T>(
        _ call: KinesisCall, requireActive: Bool = false, _ body: (inout KinesisStream) throws(KinesisError) -> T
    ) throws(KinesisError) -> T {
        try withStream(call, requireActive: requireActive) { (stream, _: inout KinesisChanges) throws(KinesisError) in
            try body(&stream)
        }
    }

    /// Runs a body on a stream that exists; the body reports appended and trimmed records in `changes` instead of
    /// changing the stream's records, and its metadata changes, records and trims are journaled and applied.
    func withStream<T>(
        _ call: KinesisCall, requireActive: Bool = false,
        _ body: (inout KinesisStream, inout KinesisChanges) throws(KinesisError) -> T
    ) throws(KinesisError) -> T {
        let reference = try streamReference(call)
        try authorize(call, resource: reference.arn)
        return try store.write { transaction throws(KinesisError) -> T in
            try Self.settle(&transaction, key: reference.key, now: call.now)
            // The stream is looked at in a scope of its own, so that no copy of it is alive when the changes are
            // applied to the state (a live copy would make the state copy a shard's records to append to them).
            let (result, metadata, changes) = try Self.inspect(
                transaction.state.streams[reference.key], reference: reference, call: call,
                requireActive: requireActive,
                body)
            if let metadata { try Self.apply(.putStream(key: reference.key, metadata), to: &transaction) }
            for (shardId, count) in changes.trims.sorted(by: { $0.key < $1.key }) where count > 0 {
                try Self.apply(.trimRecords(key: reference.key, shardId: shardId, count: count), to: &transaction)
            }
            if !changes.appended.isEmpty {
                let (headers, payload) = KinesisState.records(changes.appended)
                try Self.apply(.appendRecords(key: reference.key, headers), payload: payload, to: &transaction)
            }
            return result
        }
    }

    private static func inspect<T>(
        _ found: KinesisStream?, reference: (key: String, name: String, arn: String), call: KinesisCall,
        requireActive: Bool, _ body: (inout KinesisStream, inout KinesisChanges) throws(KinesisError) -> T
    ) throws(KinesisError) -> (T, KinesisStream?, KinesisChanges) {
        guard var stream = found else { throw .resourceNotFound(reference.name, account: call.accountId) }
        if requireActive, stream.status == "CREATING" || stream.status == "DELETING" {
            throw .resourceNotFound(reference.name, account: call.accountId)
        }
        let before = stream.withoutRecords
        var changes = KinesisChanges()
        let result = try body(&stream, &changes)
        let after = stream.withoutRecords
        return (result, after == before ? nil : after, changes)
    }

    // MARK: - Create and delete

    func createStream(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        let reference = try streamReference(call)
        let mode = call.input["StreamModeDetails"]?["StreamMode"]?.string ?? "PROVISIONED"
        guard ["PROVISIONED", "ON_DEMAND"].contains(mode) else {
            throw .validation(
                "1 validation error detected: Value '\(mode)' at 'streamModeDetails.streamMode' failed to satisfy constraint: Member must satisfy enum value set: [ON_DEMAND, PROVISIONED]"
            )
        }
        var count = try call.integer("ShardCount")
        if mode == "PROVISIONED" {
            guard let given = count else {
                throw .invalidArgument("Shard count must be provided for a PROVISIONED stream.")
            }
            guard (1...10_000).contains(given) else {
                throw .validation(
                    "1 validation error detected: Value '\(given)' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1"
                )
            }
        } else {
            count = count ?? 4
        }
        try authorize(call, resource: reference.arn)
        let tags = (call.input["Tags"]?.map ?? [:]).compactMapValues(\.string)
        let now = call.now
        try store.write { transaction throws(KinesisError) in
            try Self.settle(&transaction, key: reference.key, now: now)
            let streams = transaction.state.streams
            if streams[reference.key] != nil {
                throw .resourceInUse("Stream \(reference.name) under account \(call.accountId) already exists.")
            }
            let open = streams.values.filter { $0.accountId == call.accountId }.reduce(0) { $0 + $1.openShards.count }
            if open + Int(count!) > 20_000 {
                throw .limitExceeded("This request would exceed the shard limit for the account \(call.accountId).")
            }
            var stream = KinesisStream(
                name: reference.name, arn: reference.arn, accountId: call.accountId, createdAt: now, status: "CREATING",
                transitionAt: now.addingTimeInterval(timings.creation), mode: mode, tags: tags, shards: [],
                nextShardIndex: Int(count!))
            stream.shards = KinesisStream.evenShards(
                Int(count!), firstIndex: 0, startingSequence: stream.upcomingSequenceNumber)
            try Self.apply(.putStream(key: reference.key, stream), to: &transaction)
        }
        return .map([:])
    }

    func deleteStream(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        let deletion = timings.deletion
        try withStream(call) { stream throws(KinesisError) in
            if stream.status == "CREATING" || stream.status == "UPDATING" {
                throw .resourceInUse(
                    "Stream \(stream.name) under account \(call.accountId) is \(stream.status.lowercased()); it cannot be deleted now."
                )
            }
            // Consumers being deregistered no longer hold the stream.
            let registered = stream.consumers.contains { $0.status != "DELETING" }
            if registered, call.input["EnforceConsumerDeletion"]?.bool != true {
                throw .resourceInUse(
                    "Stream \(stream.name) under account \(call.accountId) has registered consumers; set EnforceConsumerDeletion to delete it with them."
                )
            }
            stream.status = "DELETING"
            stream.transitionAt = call.now.addingTimeInterval(deletion)
        }
        return .map([:])
    }

    // MARK: - Describe and list

    func describeStream(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        let limit = Int(try call.integer("Limit") ?? 100)
        guard (1...10_000).contains(limit) else {
            throw .validation(
                "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000"
            )
        }
        let start = call.string("ExclusiveStartShardId")
        return try withStream(call) { stream in
            var shards = stream.shards
            if let start { shards = shards.filter { $0.id > start } }
            let page = Array(shards.prefix(limit))
            var description = Self.summary(stream)
            description["Shards"] = .list(page.map(Self.document))
            description["HasMoreShards"] = .bool(page.count < shards.count)
            description["OpenShardCount"] = nil
            description["ConsumerCount"] = nil
            return .map(["StreamDescription": .map(description)])
        }
    }

    func describeStreamSummary(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        try withStream(call) { stream in .map(["StreamDescriptionSummary": .map(Self.summary(stream))]) }
    }

    static func summary(_ stream: KinesisStream) -> [String: AWSDocument] {
        var summary: [String: AWSDocument] = [
            "StreamName": .string(stream.name), "StreamARN": .string(stream.arn),
            "StreamStatus": .string(stream.status),
            "StreamModeDetails": .map(["StreamMode": .string(stream.mode)]),
            "RetentionPeriodHours": .integer(Int64(stream.retentionHours)),
            "StreamCreationTimestamp": .timestamp(stream.createdAt),
            "EnhancedMonitoring": .list([
                .map(["ShardLevelMetrics": .list(stream.shardLevelMetrics.map(AWSDocument.string))])
            ]),
            "EncryptionType": .string(stream.encryptionType),
            "OpenShardCount": .integer(Int64(stream.openShards.count)),
            "ConsumerCount": .integer(Int64(stream.consumers.filter { $0.status != "DELETING" }.count)),
        ]
        if let keyId = stream.keyId { summary["KeyId"] = .string(keyId) }
        return summary
    }

    static func document(_ shard: KinesisShard) -> AWSDocument {
        var range: [String: AWSDocument] = ["StartingSequenceNumber": .string(shard.startingSequenceNumber)]
        if let ending = shard.endingSequenceNumber { range["EndingSequenceNumber"] = .string(ending) }
        var object: [String: AWSDocument] = [
            "ShardId": .string(shard.id),
            "HashKeyRange": .map([
                "StartingHashKey": .string(String(shard.startingHashKey)),
                "EndingHashKey": .string(String(shard.endingHashKey)),
            ]),
            "SequenceNumberRange": .map(range),
        ]
        if let parent = shard.parentShardId { object["ParentShardId"] = .string(parent) }
        if let adjacent = shard.adjacentParentShardId { object["AdjacentParentShardId"] = .string(adjacent) }
        return .map(object)
    }

    func listStreams(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        let limit = Int(try call.integer("Limit") ?? 100)
        guard (1...10_000).contains(limit) else {
            throw .validation(
                "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000"
            )
        }
        try authorize(call, resource: "*")
        var start = call.string("ExclusiveStartStreamName")
        if let token = call.string("NextToken") {
            guard let decoded = Data(base64Encoded: token).flatMap({ String(data: $0, encoding: .utf8) }) else {
                throw .invalidArgument("Invalid NextToken.")
            }
            start = decoded
        }
        let prefix = "\(call.accountId)/\(call.region)/"
        let all = try store.write { transaction throws(KinesisError) in
            for key in transaction.state.streams.keys where key.hasPrefix(prefix) {
                try Self.settle(&transaction, key: key, now: call.now)
            }
            return transaction.state.streams.filter { $0.key.hasPrefix(prefix) }.map(\.value).sorted {
                $0.name < $1.name
            }
        }
        let remaining = start.map { name in all.filter { $0.name > name } } ?? all
        let page = Array(remaining.prefix(limit))
        var answer: [String: AWSDocument] = [
            "StreamNames": .list(page.map { .string($0.name) }),
            "HasMoreStreams": .bool(page.count < remaining.count),
            "StreamSummaries": .list(
                page.map { stream in
                    .map([
                        "StreamName": .string(stream.name), "StreamARN": .string(stream.arn),
                        "StreamStatus": .string(stream.status),
                        "StreamModeDetails": .map(["StreamMode": .string(stream.mode)]),
                        "StreamCreationTimestamp": .timestamp(stream.createdAt),
                    ])
                }),
        ]
        if page.count < remaining.count, let last = page.last {
            answer["NextToken"] = .string(Data(last.name.utf8).base64EncodedString())
        }
        return .map(answer)
    }

    // MARK: - Tags and retention

    func addTags(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        guard let tags = call.input["Tags"]?.map, !tags.isEmpty else { throw .missing("Tags") }
        try withStream(call) { stream throws(KinesisError) in
            var merged = stream.tags
            for (key, value) in tags { merged[key] = value.string ?? "" }
            guard merged.count <= 50 else {
                throw .invalidArgument(
                    "Failed to add tags to stream \(stream.name) under account \(call.accountId) because a given stream cannot have more than 50 tags associated with it."
                )
            }
            stream.tags = merged
        }
        return .map([:])
    }

    func removeTags(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        guard let keys = call.input["TagKeys"]?.list?.compactMap(\.string), !keys.isEmpty else {
            throw .missing("TagKeys")
        }
        try withStream(call) { stream in for key in keys { stream.tags[key] = nil } }
        return .map([:])
    }

    func listTags(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        let start = call.string("ExclusiveStartTagKey")
        let limit = try call.integer("Limit", in: 1...50, default: 50)
        return try withStream(call) { stream in
            let keys = stream.tags.keys.sorted().filter { start == nil || $0 > start! }
            let page = keys.prefix(limit)
            return .map([
                "Tags": .list(page.map { .map(["Key": .string($0), "Value": .string(stream.tags[$0]!)]) }),
                "HasMoreTags": .bool(page.count < keys.count),
            ])
        }
    }

    func changeRetention(_ call: KinesisCall, increase: Bool) throws(KinesisError) -> AWSDocument {
        guard let hours = try call.integer("RetentionPeriodHours") else { throw .missing("RetentionPeriodHours") }
        guard (24...8760).contains(hours) else {
            throw .invalidArgument(
                "Minimum allowed retention period is 24 hours. Maximum allowed retention period is 8760 hours. Requested retention period (\(hours) hours) is too \(hours < 24 ? "short" : "long")."
            )
        }
        try withStream(call) { stream throws(KinesisError) in
            if increase, hours < stream.retentionHours {
                throw .invalidArgument(
                    "Requested retention period (\(hours) hours) for stream \(stream.name) can not be shorter than existing retention period (\(stream.retentionHours) hours). Use DecreaseRetentionPeriod API."
                )
            }
            if !increase, hours > stream.retentionHours {
                throw .invalidArgument(
                    "Requested retention period (\(hours) hours) for stream \(stream.name) can not be longer than existing retention period (\(stream.retentionHours) hours). Use IncreaseRetentionPeriod API."
                )
            }
            stream.retentionHours = Int(hours)
        }
        return .map([:])
    }
}
