import Foundation

/// A shard: its hash key range, its sequence number range (closed once split or merged), its parents and records.
struct KinesisShard: Sendable {
    var id: String
    var startingHashKey: UInt128
    var endingHashKey: UInt128
    var startingSequenceNumber: String
    var endingSequenceNumber: String?
    var parentShardId: String?
    var adjacentParentShardId: String?
    var records: [KinesisRecord] = []

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
