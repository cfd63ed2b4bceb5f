import Foundation

/// A stream: its configuration, lifecycle and shards.
struct KinesisStream: Sendable, Codable, Equatable {
    var name: String
    var arn: String
    var accountId: String
    var createdAt: Date
    /// CREATING until then; UPDATING or DELETING until the next transition.
    var status: String
    var transitionAt: Date?
    var retentionHours: Int = 24
    var mode: String
    var encryptionType: String = "NONE"
    var keyId: String?
    var tags: [String: String] = [:]
    var shards: [KinesisShard]
    var nextShardIndex: Int
    var sequenceCounter: UInt64 = 0
    var shardLevelMetrics: [String] = []
    var consumers: [KinesisConsumer] = []

    /// The last sequence number handed out (closes a shard at a split or merge).
    var currentSequenceNumber: String {
        KinesisSequence.make(streamCreation: createdAt, counter: sequenceCounter)
    }

    /// Closes an open shard.
    mutating func close(_ index: Int, at time: Date) {
        shards[index].endingSequenceNumber = currentSequenceNumber
        shards[index].closedAt = time
    }

    /// Adds a new open shard.
    mutating func addShard(start: UInt128, end: UInt128, parent: String?, adjacentParent: String? = nil, at time: Date)
    {
        var shard = KinesisShard(
            id: KinesisShard.id(nextShardIndex), startingHashKey: start, endingHashKey: end,
            startingSequenceNumber: upcomingSequenceNumber)
        shard.parentShardId = parent
        shard.adjacentParentShardId = adjacentParent
        shard.openedAt = time
        shards.append(shard)
        nextShardIndex += 1
    }

    mutating func nextSequenceNumber() -> String {
        sequenceCounter += 1
        return KinesisSequence.make(streamCreation: createdAt, counter: sequenceCounter)
    }

    /// The sequence number the next record will get (for LATEST iterators).
    var upcomingSequenceNumber: String {
        KinesisSequence.make(streamCreation: createdAt, counter: sequenceCounter + 1)
    }

    var openShards: [KinesisShard] { shards.filter(\.isOpen) }

    /// Splits the hash key space evenly over `count` new open shards.
    static func evenShards(_ count: Int, firstIndex: Int, startingSequence: String) -> [KinesisShard] {
        let step = UInt128.max / UInt128(count)
        return (0..<count).map { offset in
            let start = step * UInt128(offset)
            let end = offset == count - 1 ? UInt128.max : start + step - 1
            return KinesisShard(
                id: KinesisShard.id(firstIndex + offset), startingHashKey: start, endingHashKey: end,
                startingSequenceNumber: startingSequence)
        }
    }
}
