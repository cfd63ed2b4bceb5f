import Foundation

/// The versioning state of a bucket.
enum S3VersioningStatus: String, Codable, Sendable {
    /// Never enabled: objects have the `null` version only and `GetBucketVersioning` answers no `Status`.
    case unversioned
    case enabled = "Enabled"
    case suspended = "Suspended"
}

/// The public access block configuration.
struct S3PublicAccessBlock: Codable, Sendable, Equatable {
    var blockPublicAcls = false
    var ignorePublicAcls = false
    var blockPublicPolicy = false
    var restrictPublicBuckets = false
}

/// One default encryption rule.
struct S3EncryptionRule: Codable, Sendable, Equatable {
    var algorithm: String
    var kmsMasterKeyId: String?
    var bucketKeyEnabled: Bool?
}

/// A bucket's configuration sub-resources, replaced as a whole on every change.
struct S3BucketSettings: Codable, Sendable, Equatable {
    var versioning: S3VersioningStatus = .unversioned
    var mfaDelete: String?
    var tags: [S3Tag]?
    var policy: String?
    var publicAccessBlock: S3PublicAccessBlock?
    var encryption: [S3EncryptionRule]?
}
