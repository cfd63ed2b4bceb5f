/// Where reports are published: `s3://BUCKET/PREFIX`.
public struct S3Location: Sendable, Hashable, CustomStringConvertible {
    /// The bucket.
    public var bucket: String
    /// The key prefix, without leading or trailing slashes (empty for the bucket's root).
    public var prefix: String

    /// Reads `s3://bucket/some/prefix`; `nil` when the text is not such a URL.
    public init?(_ text: String) {
        guard text.hasPrefix("s3://") else { return nil }
        let rest = text.dropFirst(5)
        let parts = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let bucket = parts.first, (3...63).contains(bucket.count),
            bucket.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "." })
        else { return nil }
        self.bucket = String(bucket)
        prefix = parts.count > 1 ? parts[1].split(separator: "/").joined(separator: "/") : ""
    }

    /// The key of a path under the prefix.
    public func key(_ path: String) -> String {
        prefix.isEmpty ? path : "\(prefix)/\(path)"
    }

    public var description: String { prefix.isEmpty ? "s3://\(bucket)" : "s3://\(bucket)/\(prefix)" }
}
