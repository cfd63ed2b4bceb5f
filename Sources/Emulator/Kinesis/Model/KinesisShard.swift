import Foundation

/// A shard: its hash key range, its sequence number range (closed once split or merged), its parents and records.
struct KinesisShard: Sendable, Equatable {
    var id: String
    var startingHashKey: UInt128
    var endingHashKey: UInt128
    var startingSequenceNumber: String
    var endingSequenceNumber: String?
    var parentShardId: String?
    var adjacentParentShardId: String?
    var records: [KinesisRecord] = []
    /// When the shard was opened and closed (for ListShards' timestamp filters); `nil` for "at the stream's creation".
    var openedAt: Date?
    var closedAt: Date?

    /// Whether the shard was open at a time.
    func wasOpen(at time: Date) -> Bool {
        (openedAt ?? .distantPast) <= time && (closedAt.map { $0 > time } ?? true)
    }

    var isOpen: Bool { endingSequenceNumber == nil }

    static func id(_ index: Int) -> String {
        "shardId-" + String(repeating: "0", count: max(0, 12 - String(index).count)) + String(index)
    }

    /// The index of the first record whose sequence number is at least (or, `after`, greater than) a value.
    func firstIndex(atOrAfter sequence: String, after: Bool = false) -> Int {
        var low = 0
        var high = records.count
        while low < high {
            let middle = (low + high) / 2
            let compared = KinesisSequence.compare(records[middle].sequenceNumber, sequence)
            if compared < 0 || (after && compared == 0) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }
}

extension KinesisShard: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, startingHashKey, endingHashKey, startingSequenceNumber, endingSequenceNumber, parentShardId
        case openedAt, closedAt
        case adjacentParentShardId
    }

    /// Hash keys are written as decimal strings; records are not part of the coded form (the journal carries them).
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        guard let start = UInt128(try container.decode(String.self, forKey: .startingHashKey)),
            let end = UInt128(try container.decode(String.self, forKey: .endingHashKey))
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .startingHashKey, in: container, debugDescription: "hash keys must be decimal")
        }
        startingHashKey = start
        endingHashKey = end
        startingSequenceNumber = try container.decode(String.self, forKey: .startingSequenceNumber)
        endingSequenceNumber = try container.decodeIfPresent(String.self, forKey: .endingSequenceNumber)
        parentShardId = try container.decodeIfPresent(String.self, forKey: .parentShardId)
        adjacentParentShardId = try container.decodeIfPresent(String.self, forKey: .adjacentParentShardId)
        openedAt = try container.decodeIfPresent(Date.self, forKey: .openedAt)
        closedAt = try container.decodeIfPresent(Date.self, forKey: .closedAt)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(String(startingHashKey), forKey: .startingHashKey)
        try container.encode(String(endingHashKey), forKey: .endingHashKey)
        try container.encode(startingSequenceNumber, forKey: .startingSequenceNumber)
        try container.encodeIfPresent(endingSequenceNumber, forKey: .endingSequenceNumber)
        try container.encodeIfPresent(parentShardId, forKey: .parentShardId)
        try container.encodeIfPresent(adjacentParentShardId, forKey: .adjacentParentShardId)
        try container.encodeIfPresent(openedAt, forKey: .openedAt)
        try container.encodeIfPresent(closedAt, forKey: .closedAt)
    }
}

/// Sequence numbers: 56-digit decimal strings that grow within a stream (and so within each shard).
enum KinesisSequence {
    static let digits = 56

    static func make(streamCreation: Date, counter: UInt64) -> String {
        let millis = String(UInt64(max(0, streamCreation.timeIntervalSince1970 * 1000)))
        let head = "49" + String(repeating: "0", count: 24 - millis.count) + millis
        let tail = String(counter)
        return head + String(repeating: "0", count: digits - head.count - tail.count) + tail
    }

    static func isValid(_ value: String) -> Bool {
        !value.isEmpty && value.count <= 128 && value.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// Compares decimal strings as numbers.
    static func compare(_ a: String, _ b: String) -> Int {
        let x = a.drop { $0 == "0" }
        let y = b.drop { $0 == "0" }
        if x.count != y.count { return x.count < y.count ? -1 : 1 }
        if x == y { return 0 }
        return x < y ? -1 : 1
    }
}
