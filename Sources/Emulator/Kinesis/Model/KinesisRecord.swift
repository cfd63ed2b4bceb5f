import Foundation

/// One record of a shard.
struct KinesisRecord: Sendable, Equatable {
    var sequenceNumber: String
    var partitionKey: String
    var data: [UInt8]
    var arrival: Date
}
