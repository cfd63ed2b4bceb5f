extension S3Operation {
    /// The IAM action a caller needs (what bucket policies and identity policies name).
    var iamAction: String {
        switch self {
        case .listBuckets: "s3:ListAllMyBuckets"
        case .headBucket, .listObjects, .listObjectsV2: "s3:ListBucket"
        case .listObjectVersions: "s3:ListBucketVersions"
        case .listMultipartUploads: "s3:ListBucketMultipartUploads"
        case .deleteBucketTagging: "s3:PutBucketTagging"
        case .getPublicAccessBlock: "s3:GetBucketPublicAccessBlock"
        case .putPublicAccessBlock, .deletePublicAccessBlock: "s3:PutBucketPublicAccessBlock"
        case .getBucketEncryption: "s3:GetEncryptionConfiguration"
        case .putBucketEncryption, .deleteBucketEncryption: "s3:PutEncryptionConfiguration"
        case .getUnconfiguredSubresource: "s3:GetBucketConfiguration"
        case .headObject: "s3:GetObject"
        case .copyObject: "s3:PutObject"
        case .deleteObjects: "s3:DeleteObject"
        case .createMultipartUpload, .uploadPart, .uploadPartCopy, .completeMultipartUpload: "s3:PutObject"
        case .listParts: "s3:ListMultipartUploadParts"
        default: "s3:\(rawValue)"
        }
    }

    /// The IAM action of a request: the `...Version` actions when it names a version, the sub-resource's own action
    /// for configuration reads.
    func iamAction(versioned: Bool, subresource request: EmulatorRequest) -> String {
        switch self {
        case .getObject, .headObject: return versioned ? "s3:GetObjectVersion" : "s3:GetObject"
        case .deleteObject: return versioned ? "s3:DeleteObjectVersion" : "s3:DeleteObject"
        case .getObjectTagging: return versioned ? "s3:GetObjectVersionTagging" : "s3:GetObjectTagging"
        case .putObjectTagging: return versioned ? "s3:PutObjectVersionTagging" : "s3:PutObjectTagging"
        case .deleteObjectTagging: return versioned ? "s3:DeleteObjectVersionTagging" : "s3:DeleteObjectTagging"
        case .getObjectAcl: return versioned ? "s3:GetObjectVersionAcl" : "s3:GetObjectAcl"
        case .getUnconfiguredSubresource:
            let action = Self.subresourceActions.first { request.hasQuery($0.key) }?.value
            return action ?? iamAction
        case .unsupportedBucketOperation, .unsupportedObjectOperation:
            let refused = S3UnsupportedSubresources.operation(
                method: request.method, onObject: self == .unsupportedObjectOperation, request: request)
            return refused?.action ?? iamAction
        default: return iamAction
        }
    }

    /// Whether the operation acts on an object (its resource is `arn:aws:s3:::bucket/key`) rather than the bucket.
    var actsOnObject: Bool {
        switch self {
        case .putObject, .getObject, .headObject, .deleteObject, .copyObject, .getObjectTagging, .putObjectTagging,
            .deleteObjectTagging, .getObjectAcl, .createMultipartUpload, .uploadPart, .uploadPartCopy, .listParts,
            .completeMultipartUpload, .abortMultipartUpload, .unsupportedObjectOperation:
            true
        default:
            false
        }
    }

    /// The read action of each configuration sub-resource answered as "not configured".
    static let subresourceActions: [String: String] = [
        "cors": "s3:GetBucketCORS", "website": "s3:GetBucketWebsite", "lifecycle": "s3:GetLifecycleConfiguration",
        "replication": "s3:GetReplicationConfiguration", "logging": "s3:GetBucketLogging",
        "accelerate": "s3:GetAccelerateConfiguration", "requestPayment": "s3:GetBucketRequestPayment",
        "object-lock": "s3:GetBucketObjectLockConfiguration",
        "ownershipControls": "s3:GetBucketOwnershipControls", "notification": "s3:GetBucketNotification",
        "analytics": "s3:GetAnalyticsConfiguration", "metrics": "s3:GetMetricsConfiguration",
        "inventory": "s3:GetInventoryConfiguration", "intelligent-tiering": "s3:GetIntelligentTieringConfiguration",
    ]
}
