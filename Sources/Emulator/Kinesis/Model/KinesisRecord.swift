import Foundation

/// One record of a shard.
struct KinesisRecord: Sendable {
    var sequenceNumber: String
    var partitionKey: String
    var data: [UInt8]
    var arrival: Date
}
