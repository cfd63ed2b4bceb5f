import NIOHTTP1

/// The S3 operations addressed by a sub-resource (`?policyStatus`, `?retention`, ...) that the emulator does not
/// serve. A request for one is authorized with the operation's IAM action and then refused with `501 NotImplemented`;
/// it never falls through to the plain operation of its path (a `GET /bucket?policyStatus` is not a ListObjects).
enum S3UnsupportedSubresources {
    /// One operation S3 has and the emulator refuses.
    struct Operation: Sendable {
        var method: HTTPMethod
        /// The query parameter that names it.
        var subresource: String
        /// Whether it addresses an object (`/bucket/key?...`) rather than a bucket.
        var onObject: Bool
        /// S3's name for it.
        var name: String
        /// The IAM action S3 authorizes it with.
        var action: String
    }

    private static func bucket(
        _ method: HTTPMethod, _ subresource: String, _ name: String, _ action: String
    )
        -> Operation
    {
        Operation(method: method, subresource: subresource, onObject: false, name: name, action: action)
    }

    private static func object(
        _ method: HTTPMethod, _ subresource: String, _ name: String, _ action: String
    )
        -> Operation
    {
        Operation(method: method, subresource: subresource, onObject: true, name: name, action: action)
    }

    /// Every refused operation.
    static let operations: [Operation] = [
        bucket(.GET, "policyStatus", "GetBucketPolicyStatus", "s3:GetBucketPolicyStatus"),
        bucket(.PUT, "acl", "PutBucketAcl", "s3:PutBucketAcl"),
        bucket(.PUT, "cors", "PutBucketCors", "s3:PutBucketCORS"),
        bucket(.DELETE, "cors", "DeleteBucketCors", "s3:PutBucketCORS"),
        bucket(.PUT, "website", "PutBucketWebsite", "s3:PutBucketWebsite"),
        bucket(.DELETE, "website", "DeleteBucketWebsite", "s3:DeleteBucketWebsite"),
        bucket(.PUT, "lifecycle", "PutBucketLifecycleConfiguration", "s3:PutLifecycleConfiguration"),
        bucket(.DELETE, "lifecycle", "DeleteBucketLifecycle", "s3:PutLifecycleConfiguration"),
        bucket(.PUT, "replication", "PutBucketReplication", "s3:PutReplicationConfiguration"),
        bucket(.DELETE, "replication", "DeleteBucketReplication", "s3:PutReplicationConfiguration"),
        bucket(.PUT, "logging", "PutBucketLogging", "s3:PutBucketLogging"),
        bucket(.PUT, "accelerate", "PutBucketAccelerateConfiguration", "s3:PutAccelerateConfiguration"),
        bucket(.PUT, "requestPayment", "PutBucketRequestPayment", "s3:PutBucketRequestPayment"),
        bucket(.PUT, "object-lock", "PutObjectLockConfiguration", "s3:PutBucketObjectLockConfiguration"),
        bucket(.PUT, "ownershipControls", "PutBucketOwnershipControls", "s3:PutBucketOwnershipControls"),
        bucket(.DELETE, "ownershipControls", "DeleteBucketOwnershipControls", "s3:PutBucketOwnershipControls"),
        bucket(.PUT, "notification", "PutBucketNotificationConfiguration", "s3:PutBucketNotification"),
        bucket(.PUT, "analytics", "PutBucketAnalyticsConfiguration", "s3:PutAnalyticsConfiguration"),
        bucket(.DELETE, "analytics", "DeleteBucketAnalyticsConfiguration", "s3:PutAnalyticsConfiguration"),
        bucket(.PUT, "metrics", "PutBucketMetricsConfiguration", "s3:PutMetricsConfiguration"),
        bucket(.DELETE, "metrics", "DeleteBucketMetricsConfiguration", "s3:PutMetricsConfiguration"),
        bucket(.PUT, "inventory", "PutBucketInventoryConfiguration", "s3:PutInventoryConfiguration"),
        bucket(.DELETE, "inventory", "DeleteBucketInventoryConfiguration", "s3:PutInventoryConfiguration"),
        bucket(
            .PUT, "intelligent-tiering", "PutBucketIntelligentTieringConfiguration",
            "s3:PutIntelligentTieringConfiguration"),
        bucket(
            .DELETE, "intelligent-tiering", "DeleteBucketIntelligentTieringConfiguration",
            "s3:PutIntelligentTieringConfiguration"),
        bucket(.GET, "abac", "GetBucketAbac", "s3:GetBucketAbac"),
        bucket(.PUT, "abac", "PutBucketAbac", "s3:PutBucketAbac"),
        bucket(.GET, "session", "CreateSession", "s3express:CreateSession"),
        bucket(
            .POST, "metadataConfiguration", "CreateBucketMetadataConfiguration",
            "s3:CreateBucketMetadataTableConfiguration"),
        bucket(
            .GET, "metadataConfiguration", "GetBucketMetadataConfiguration",
            "s3:GetBucketMetadataTableConfiguration"),
        bucket(
            .DELETE, "metadataConfiguration", "DeleteBucketMetadataConfiguration",
            "s3:DeleteBucketMetadataTableConfiguration"),
        bucket(
            .POST, "metadataTable", "CreateBucketMetadataTableConfiguration",
            "s3:CreateBucketMetadataTableConfiguration"),
        bucket(
            .GET, "metadataTable", "GetBucketMetadataTableConfiguration", "s3:GetBucketMetadataTableConfiguration"),
        bucket(
            .DELETE, "metadataTable", "DeleteBucketMetadataTableConfiguration",
            "s3:DeleteBucketMetadataTableConfiguration"),
        bucket(
            .PUT, "metadataInventoryTable", "UpdateBucketMetadataInventoryTableConfiguration",
            "s3:UpdateBucketMetadataInventoryTableConfiguration"),
        bucket(
            .PUT, "metadataJournalTable", "UpdateBucketMetadataJournalTableConfiguration",
            "s3:UpdateBucketMetadataJournalTableConfiguration"),
        object(.PUT, "acl", "PutObjectAcl", "s3:PutObjectAcl"),
        object(.GET, "torrent", "GetObjectTorrent", "s3:GetObjectTorrent"),
        object(.GET, "attributes", "GetObjectAttributes", "s3:GetObjectAttributes"),
        object(.GET, "retention", "GetObjectRetention", "s3:GetObjectRetention"),
        object(.PUT, "retention", "PutObjectRetention", "s3:PutObjectRetention"),
        object(.GET, "legal-hold", "GetObjectLegalHold", "s3:GetObjectLegalHold"),
        object(.PUT, "legal-hold", "PutObjectLegalHold", "s3:PutObjectLegalHold"),
        object(.POST, "restore", "RestoreObject", "s3:RestoreObject"),
        object(.POST, "select", "SelectObjectContent", "s3:GetObject"),
        object(.PUT, "renameObject", "RenameObject", "s3:RenameObject"),
        object(.PUT, "encryption", "UpdateObjectEncryption", "s3:PutObject"),
    ]

    /// Every query parameter that names a sub-resource in S3's API, served or not. A request carrying one that its
    /// method and target do not serve is refused rather than taken for the plain operation of its path.
    static let names: Set<String> = Set(operations.map(\.subresource)).union([
        "acl", "tagging", "versioning", "policy", "publicAccessBlock", "encryption", "location", "versions", "uploads",
        "delete", "uploadId", "cors", "website", "lifecycle", "replication", "logging", "accelerate", "requestPayment",
        "object-lock", "ownershipControls", "notification", "analytics", "metrics", "inventory", "intelligent-tiering",
    ])

    /// The refused operation a request addresses, if any.
    static func operation(method: HTTPMethod, onObject: Bool, request: EmulatorRequest) -> Operation? {
        operations.first { $0.method == method && $0.onObject == onObject && request.hasQuery($0.subresource) }
    }

    /// A sub-resource named by a request, if any.
    static func anySubresource(in request: EmulatorRequest) -> String? {
        request.queryItems?.first { names.contains($0.name) }?.name
    }
}
