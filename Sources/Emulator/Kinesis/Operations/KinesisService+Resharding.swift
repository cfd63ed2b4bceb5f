import AWSWire
import Foundation

/// Resharding and stream settings: SplitShard, MergeShards, UpdateShardCount, UpdateStreamMode, encryption and
/// enhanced monitoring. Each takes the stream through UPDATING on the emulator's clock.
extension KinesisService {
    /// Runs a change that needs an ACTIVE stream and leaves it UPDATING.
    func update<T>(
        _ call: KinesisCall, _ body: (inout KinesisStream) throws(KinesisError) -> T
    ) throws(KinesisError) -> T {
        let duration = timings.update
        return try withStream(call) { stream throws(KinesisError) -> T in
            guard stream.status == "ACTIVE" else {
                throw .resourceInUse(
                    "Stream \(stream.name) under account \(call.accountId) not ACTIVE, instead in state \(stream.status)"
                )
            }
            let result = try body(&stream)
            stream.status = "UPDATING"
            stream.transitionAt = call.now.addingTimeInterval(duration)
            return result
        }
    }

    static func openShard(_ id: String, in stream: KinesisStream, account: String) throws(KinesisError) -> Int {
        guard let index = stream.shards.firstIndex(where: { $0.id == id }) else {
            throw .resourceNotFound(
                "Could not find shard \(id) in stream \(stream.name) under account \(account).", exact: true)
        }
        guard stream.shards[index].isOpen else {
            throw .resourceInUse(
                "Shard \(id) in stream \(stream.name) under account \(account) has already been merged or split, and thus is not eligible for merging or splitting."
            )
        }
        return index
    }

    func splitShard(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        let id = try call.required("ShardToSplit")
        let text = try call.required("NewStartingHashKey")
        guard let newStart = UInt128(text) else {
            throw .invalidArgument(
                "NewStartingHashKey \(text) used in SplitShard() on shard \(id) is not a valid hash key.")
        }
        try update(call) { stream throws(KinesisError) in
            let index = try Self.openShard(id, in: stream, account: call.accountId)
            let shard = stream.shards[index]
            guard newStart > shard.startingHashKey, newStart <= shard.endingHashKey else {
                throw .invalidArgument(
                    "NewStartingHashKey \(text) used in SplitShard() on shard \(id) in stream \(stream.name) under account \(call.accountId) is not both greater than one plus the shard's StartingHashKey \(shard.startingHashKey) and less than the shard's EndingHashKey \(shard.endingHashKey)."
                )
            }
            stream.close(index, at: call.now)
            stream.addShard(start: shard.startingHashKey, end: newStart - 1, parent: id, at: call.now)
            stream.addShard(start: newStart, end: shard.endingHashKey, parent: id, at: call.now)
        }
        return .map([:])
    }

    func mergeShards(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        let first = try call.required("ShardToMerge")
        let second = try call.required("AdjacentShardToMerge")
        try update(call) { stream throws(KinesisError) in
            let a = try Self.openShard(first, in: stream, account: call.accountId)
            let b = try Self.openShard(second, in: stream, account: call.accountId)
            let (low, high) = stream.shards[a].startingHashKey < stream.shards[b].startingHashKey ? (a, b) : (b, a)
            guard stream.shards[low].endingHashKey + 1 == stream.shards[high].startingHashKey else {
                throw .invalidArgument(
                    "Shards \(first) and \(second) in stream \(stream.name) under account \(call.accountId) are not an adjacent pair of shards eligible for merging"
                )
            }
            let range = (stream.shards[low].startingHashKey, stream.shards[high].endingHashKey)
            stream.close(a, at: call.now)
            stream.close(b, at: call.now)
            stream.addShard(start: range.0, end: range.1, parent: first, adjacentParent: second, at: call.now)
        }
        return .map([:])
    }

    func updateShardCount(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        guard let target = try call.integer("TargetShardCount") else { throw .missing("TargetShardCount") }
        let scaling = try call.required("ScalingType")
        guard scaling == "UNIFORM_SCALING" else {
            throw .validation(
                "1 validation error detected: Value '\(scaling)' at 'scalingType' failed to satisfy constraint: Member must satisfy enum value set: [UNIFORM_SCALING]"
            )
        }
        let (current, arn, name) = try update(call) { stream throws(KinesisError) -> (Int, String, String) in
            let open = stream.openShards
            guard target >= 1, target <= Int64(open.count) * 2, target * 2 >= Int64(open.count) else {
                throw .limitExceeded(
                    "UpdateShardCount cannot scale up over double your current open shard count or scale down below half your current open shard count. Current open shard count: \(open.count), target: \(target)."
                )
            }
            let step = UInt128.max / UInt128(target)
            let upcoming = stream.upcomingSequenceNumber
            for index in stream.shards.indices where stream.shards[index].isOpen { stream.close(index, at: call.now) }
            for offset in 0..<Int(target) {
                let start = step * UInt128(offset)
                let end = offset == Int(target) - 1 ? UInt128.max : start + step - 1
                let parents = open.filter { $0.startingHashKey <= end && $0.endingHashKey >= start }
                stream.addShard(
                    start: start, end: end, parent: parents.first?.id, adjacentParent: parents.dropFirst().first?.id,
                    at: call.now)
                stream.shards[stream.shards.count - 1].startingSequenceNumber = upcoming
            }
            return (open.count, stream.arn, stream.name)
        }
        return .map([
            "StreamName": .string(name), "StreamARN": .string(arn), "CurrentShardCount": .integer(Int64(current)),
            "TargetShardCount": .integer(target),
        ])
    }

    func updateStreamMode(_ call: KinesisCall) throws(KinesisError) -> AWSDocument {
        guard let mode = call.input["StreamModeDetails"]?["StreamMode"]?.string else {
            throw .missing("StreamModeDetails")
        }
        guard ["PROVISIONED", "ON_DEMAND"].contains(mode) else {
            throw .validation(
                "1 validation error detected: Value '\(mode)' at 'streamModeDetails.streamMode' failed to satisfy constraint: Member must satisfy enum value set: [ON_DEMAND, PROVISIONED]"
            )
        }
        try update(call) { stream in stream.mode = mode }
        return .map([:])
    }

    func setEncryption(_ call: KinesisCall, start: Bool) throws(KinesisError) -> AWSDocument {
        let type = try call.required("EncryptionType")
        let key = try call.required("KeyId")
        guard type == "KMS" else {
            throw .validation(
                "1 validation error detected: Value '\(type)' at 'encryptionType' failed to satisfy constraint: Member must satisfy enum value set: [KMS, NONE]"
            )
        }
        try update(call) { stream throws(KinesisError) in
            if !start, stream.keyId != key {
                throw .invalidArgument("The KeyId \(key) is not the key the stream is encrypted with.")
            }
            stream.encryptionType = start ? "KMS" : "NONE"
            stream.keyId = start ? key : nil
        }
        return .map([:])
    }

    static let shardLevelMetrics = [
        "IncomingBytes", "IncomingRecords", "OutgoingBytes", "OutgoingRecords", "WriteProvisionedThroughputExceeded",
        "ReadProvisionedThroughputExceeded", "IteratorAgeMilliseconds",
    ]

    func setMonitoring(_ call: KinesisCall, enable: Bool) throws(KinesisError) -> AWSDocument {
        guard let requested = call.input["ShardLevelMetrics"]?.list?.compactMap(\.string), !requested.isEmpty else {
            throw .missing("ShardLevelMetrics")
        }
        let metrics = requested.contains("ALL") ? Self.shardLevelMetrics : requested
        for metric in metrics where !Self.shardLevelMetrics.contains(metric) {
            throw .validation(
                "1 validation error detected: Value '[\(metric)]' at 'shardLevelMetrics' failed to satisfy constraint: Member must satisfy enum value set"
            )
        }
        let (before, after, name, arn) = try withStream(call) { stream in
            let before = stream.shardLevelMetrics
            var set = Set(before)
            if enable { set.formUnion(metrics) } else { set.subtract(metrics) }
            stream.shardLevelMetrics = Self.shardLevelMetrics.filter(set.contains)
            return (before, stream.shardLevelMetrics, stream.name, stream.arn)
        }
        return .map([
            "StreamName": .string(name), "StreamARN": .string(arn),
            "CurrentShardLevelMetrics": .list(before.map(AWSDocument.string)),
            "DesiredShardLevelMetrics": .list(after.map(AWSDocument.string)),
        ])
    }
}
