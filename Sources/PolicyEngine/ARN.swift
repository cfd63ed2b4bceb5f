/// An Amazon Resource Name: `arn:partition:service:region:account-id:resource`.
///
/// The resource part is everything after the fifth colon and may itself hold colons and slashes
/// (`arn:aws:s3:::bucket/key:with:colons`, `arn:aws:iam::123456789012:role/path/name`).
public struct ARN: Sendable, Hashable, CustomStringConvertible, LosslessStringConvertible {
    /// `aws`, `aws-cn`, `aws-us-gov`, ...
    public var partition: String
    /// The service namespace (`iam`, `s3`, `sts`).
    public var service: String
    /// The region, empty for global resources (IAM, S3 buckets).
    public var region: String
    /// The 12-digit account id, empty for S3 buckets and objects.
    public var account: String
    /// Everything after the fifth colon (`root`, `user/alice`, `bucket/key`).
    public var resource: String

    /// Creates an ARN from its parts.
    public init(partition: String = "aws", service: String, region: String = "", account: String, resource: String) {
        self.partition = partition
        self.service = service
        self.region = region
        self.account = account
        self.resource = resource
    }

    /// Parses an ARN.
    /// - Parameter description: The text.
    /// - Returns: `nil` unless the text starts with `arn:`, has six colon-separated parts, and names a partition,
    ///   a service and a resource.
    public init?(_ description: String) {
        guard let parts = Self.components(of: description), parts[0] == "arn", !parts[1].isEmpty, !parts[2].isEmpty,
            !parts[5].isEmpty
        else { return nil }
        partition = String(parts[1])
        service = String(parts[2])
        region = String(parts[3])
        account = String(parts[4])
        resource = String(parts[5])
    }

    public var description: String {
        "arn:\(partition):\(service):\(region):\(account):\(resource)"
    }

    /// The resource's type and the rest, for resources written `type/rest` or `type:rest` (`role/path/name` gives
    /// `("role", "path/name")`); `nil` for a resource without either separator (`root`).
    ///
    /// S3 bucket and object ARNs have no type: their resource is `bucket` or `bucket/key`.
    public var resourceTypeAndName: (type: String, name: String)? {
        guard let separator = resource.firstIndex(where: { $0 == "/" || $0 == ":" }) else { return nil }
        return (String(resource[..<separator]), String(resource[resource.index(after: separator)...]))
    }

    /// The six colon-separated components of an ARN-like text, the last holding any further colons.
    static func components(of text: String) -> [Substring]? {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return parts.count == 6 ? parts : nil
    }
}
