/// The actions of Amazon S3 (service prefix `s3`) and the resources they apply to, from the AWS Service
/// Authorization Reference. Bucket policies may only use these, and each action must apply to a resource the
/// statement names: object actions to `arn:aws:s3:::bucket/...`, bucket actions to `arn:aws:s3:::bucket`.
enum S3ActionCatalog {
    /// Actions on objects (`arn:aws:s3:::bucket/key`).
    static let objectActions: [String] = [
        "AbortMultipartUpload", "BypassGovernanceRetention", "DeleteObject", "DeleteObjectTagging",
        "DeleteObjectVersion", "DeleteObjectVersionTagging", "GetObject", "GetObjectAcl", "GetObjectAttributes",
        "GetObjectLegalHold", "GetObjectRetention", "GetObjectTagging", "GetObjectTorrent", "GetObjectVersion",
        "GetObjectVersionAcl", "GetObjectVersionAttributes", "GetObjectVersionForReplication",
        "GetObjectVersionTagging", "GetObjectVersionTorrent", "InitiateReplication", "ListMultipartUploadParts",
        "ObjectOwnerOverrideToBucketOwner", "PutObject", "PutObjectAcl", "PutObjectLegalHold", "PutObjectRetention",
        "PutObjectTagging", "PutObjectVersionAcl", "PutObjectVersionTagging", "ReplicateDelete", "ReplicateObject",
        "ReplicateTags", "RestoreObject", "UpdateObjectEncryption",
    ]

    /// Actions on buckets (`arn:aws:s3:::bucket`).
    static let bucketActions: [String] = [
        "CreateBucket", "CreateBucketMetadataTableConfiguration", "DeleteBucket",
        "DeleteBucketMetadataTableConfiguration", "DeleteBucketPolicy", "DeleteBucketWebsite",
        "GetAccelerateConfiguration", "GetAnalyticsConfiguration", "GetBucketAbac", "GetBucketAcl", "GetBucketCORS",
        "GetBucketLocation", "GetBucketLogging", "GetBucketMetadataTableConfiguration", "GetBucketNotification",
        "GetBucketObjectLockConfiguration", "GetBucketOwnershipControls", "GetBucketPolicy", "GetBucketPolicyStatus",
        "GetBucketPublicAccessBlock", "GetBucketRequestPayment", "GetBucketTagging", "GetBucketVersioning",
        "GetBucketWebsite", "GetEncryptionConfiguration", "GetIntelligentTieringConfiguration",
        "GetInventoryConfiguration", "GetLifecycleConfiguration", "GetMetricsConfiguration",
        "GetReplicationConfiguration", "ListBucket", "ListBucketMultipartUploads", "ListBucketVersions",
        "ListTagsForResource", "PauseReplication", "PutAccelerateConfiguration", "PutAnalyticsConfiguration",
        "PutBucketAbac", "PutBucketAcl", "PutBucketCORS", "PutBucketLogging", "PutBucketNotification",
        "PutBucketObjectLockConfiguration", "PutBucketOwnershipControls", "PutBucketPolicy",
        "PutBucketPublicAccessBlock", "PutBucketRequestPayment", "PutBucketTagging", "PutBucketVersioning",
        "PutBucketWebsite", "PutEncryptionConfiguration", "PutIntelligentTieringConfiguration",
        "PutInventoryConfiguration", "PutLifecycleConfiguration", "PutMetricsConfiguration",
        "PutReplicationConfiguration", "TagResource", "UntagResource",
        "UpdateBucketMetadataInventoryTableConfiguration", "UpdateBucketMetadataJournalTableConfiguration",
    ]

    /// Actions on other resources (account settings, access points, jobs, Storage Lens, Access Grants), which no
    /// bucket policy statement can apply to.
    static let otherActions: [String] = [
        "AssociateAccessGrantsIdentityCenter", "CreateAccessGrant", "CreateAccessGrantsInstance",
        "CreateAccessGrantsLocation", "CreateAccessPoint", "CreateAccessPointForObjectLambda", "CreateJob",
        "CreateMultiRegionAccessPoint", "CreateStorageLensGroup", "DeleteAccessGrant", "DeleteAccessGrantsInstance",
        "DeleteAccessGrantsInstanceResourcePolicy", "DeleteAccessGrantsLocation", "DeleteAccessPoint",
        "DeleteAccessPointForObjectLambda", "DeleteAccessPointPolicy", "DeleteAccessPointPolicyForObjectLambda",
        "DeleteJobTagging", "DeleteMultiRegionAccessPoint", "DeleteStorageLensConfiguration",
        "DeleteStorageLensConfigurationTagging", "DeleteStorageLensGroup", "DescribeJob",
        "DescribeMultiRegionAccessPointOperation", "DissociateAccessGrantsIdentityCenter", "GetAccessGrant",
        "GetAccessGrantsInstance", "GetAccessGrantsInstanceForPrefix", "GetAccessGrantsInstanceResourcePolicy",
        "GetAccessGrantsLocation", "GetAccessPoint", "GetAccessPointConfigurationForObjectLambda",
        "GetAccessPointForObjectLambda", "GetAccessPointPolicy", "GetAccessPointPolicyForObjectLambda",
        "GetAccessPointPolicyStatus", "GetAccessPointPolicyStatusForObjectLambda", "GetAccountPublicAccessBlock",
        "GetDataAccess", "GetJobTagging", "GetMultiRegionAccessPoint", "GetMultiRegionAccessPointPolicy",
        "GetMultiRegionAccessPointPolicyStatus", "GetMultiRegionAccessPointRoutes", "GetStorageLensConfiguration",
        "GetStorageLensConfigurationTagging", "GetStorageLensDashboard", "GetStorageLensGroup", "ListAccessGrants",
        "ListAccessGrantsInstances", "ListAccessGrantsLocations", "ListAccessPoints",
        "ListAccessPointsForObjectLambda", "ListAllMyBuckets", "ListCallerAccessGrants", "ListJobs",
        "ListMultiRegionAccessPoints", "ListStorageLensConfigurations", "ListStorageLensGroups",
        "PutAccessGrantsInstanceResourcePolicy", "PutAccessPointConfigurationForObjectLambda", "PutAccessPointPolicy",
        "PutAccessPointPolicyForObjectLambda", "PutAccessPointPublicAccessBlock", "PutAccountPublicAccessBlock",
        "PutJobTagging", "PutMultiRegionAccessPointPolicy", "PutStorageLensConfiguration",
        "PutStorageLensConfigurationTagging", "SubmitMultiRegionAccessPointRoutes", "UpdateAccessGrantsLocation",
        "UpdateJobPriority", "UpdateJobStatus", "UpdateStorageLensGroup",
    ]

    /// Whether a bucket policy may name the action pattern: `*`, `s3:*`, or an `s3:` pattern that covers at least
    /// one S3 action (compared case-insensitively, `s3:Get*` and `s3:getobject` included).
    static func isValidPattern(_ pattern: String) -> Bool {
        if pattern == "*" { return true }
        guard pattern.lowercased().hasPrefix("s3:") else { return false }
        return !matching(pattern).isEmpty
    }

    /// Whether at least one action the pattern covers applies to the statement's resources.
    static func applies(_ pattern: String, toBucket: Bool, toObjects: Bool) -> Bool {
        let actions = matching(pattern)
        return toObjects && actions.contains(where: objectActionSet.contains)
            || toBucket && actions.contains(where: bucketActionSet.contains)
    }

    private static let objectActionSet = Set(objectActions)
    private static let bucketActionSet = Set(bucketActions)
    private static let allActions = objectActions + bucketActions + otherActions

    /// The S3 actions (without prefix) a pattern covers.
    private static func matching(_ pattern: String) -> [String] {
        let wildcard = WildcardPattern(action: pattern == "*" ? "s3:*" : pattern)
        return allActions.filter { wildcard.matches("s3:" + $0) }
    }
}
