/// A bucket's public access block (`PutPublicAccessBlock`): the four switches that keep a bucket private.
public struct S3PublicAccessBlock: Sendable, Equatable {
    /// Refuses requests that would grant public ACLs.
    public var blockPublicAcls: Bool
    /// Ignores public ACLs already on the bucket and its objects.
    public var ignorePublicAcls: Bool
    /// Refuses bucket policies that grant public access.
    public var blockPublicPolicy: Bool
    /// Limits a public policy's grants to AWS services and the bucket owner's account.
    public var restrictPublicBuckets: Bool

    /// Creates a configuration.
    public init(
        blockPublicAcls: Bool, ignorePublicAcls: Bool, blockPublicPolicy: Bool, restrictPublicBuckets: Bool
    ) {
        self.blockPublicAcls = blockPublicAcls
        self.ignorePublicAcls = ignorePublicAcls
        self.blockPublicPolicy = blockPublicPolicy
        self.restrictPublicBuckets = restrictPublicBuckets
    }

    /// Every switch on.
    public static let all = S3PublicAccessBlock(
        blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true)

    /// The switches by their S3 names (`BlockPublicAcls`...), in S3's order.
    public var flags: [(name: String, value: Bool)] {
        [
            ("BlockPublicAcls", blockPublicAcls), ("IgnorePublicAcls", ignorePublicAcls),
            ("BlockPublicPolicy", blockPublicPolicy), ("RestrictPublicBuckets", restrictPublicBuckets),
        ]
    }

    /// Whether every switch is on.
    public var blocksAll: Bool { flags.allSatisfy(\.value) }
}

/// A bucket's default encryption rule (`GetBucketEncryption`).
public struct S3DefaultEncryption: Sendable, Equatable {
    /// `AES256` (SSE-S3), `aws:kms` or `aws:kms:dsse`.
    public var algorithm: String
    /// The KMS key of `aws:kms`, when one is named.
    public var kmsKeyId: String?

    /// Creates a rule.
    public init(algorithm: String, kmsKeyId: String? = nil) {
        self.algorithm = algorithm
        self.kmsKeyId = kmsKeyId
    }
}
