import Foundation

/// A stream: its configuration, lifecycle and shards.
struct KinesisStream: Sendable {
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
