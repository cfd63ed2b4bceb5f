import AWSWire
import Foundation

/// A bucket as `ListBuckets` describes it.
public struct S3BucketSummary: Sendable, Equatable {
    /// The bucket's name.
    public var name: String
    /// When the bucket was created.
    public var created: Date?

    /// Creates a summary.
    public init(name: String, created: Date?) {
        self.name = name
        self.created = created
    }
}
