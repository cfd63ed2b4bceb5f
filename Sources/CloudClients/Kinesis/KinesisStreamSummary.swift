import AWSWire
import Foundation

/// A stream as `DescribeStreamSummary` describes it.
public struct KinesisStreamSummary: Sendable, Equatable {
    /// The stream's name.
    public var name: String
    /// The stream's ARN.
    public var arn: String
    /// `CREATING`, `ACTIVE`, `UPDATING` or `DELETING`.
    public var status: String
    /// How many of its shards are open.
    public var openShardCount: Int

    /// Creates a summary.
    public init(name: String, arn: String, status: String, openShardCount: Int) {
        self.name = name
        self.arn = arn
        self.status = status
        self.openShardCount = openShardCount
    }
}
