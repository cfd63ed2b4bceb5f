import NIOHTTP1

/// The S3 operations the emulator answers, named as in the API (their IAM actions: `S3Operation+IAM.swift`).
enum S3Operation: String, Sendable, CaseIterable {
    case listBuckets = "ListBuckets"
    case createBucket = "CreateBucket"
    case deleteBucket = "DeleteBucket"
    case headBucket = "HeadBucket"
    case getBucketLocation = "GetBucketLocation"
    case getBucketTagging = "GetBucketTagging", putBucketTagging = "PutBucketTagging"
    case deleteBucketTagging = "DeleteBucketTagging"
    case getBucketVersioning = "GetBucketVersioning", putBucketVersioning = "PutBucketVersioning"
    case getBucketPolicy = "GetBucketPolicy", putBucketPolicy = "PutBucketPolicy", deleteBucketPolicy =
        "DeleteBucketPolicy"
    case getPublicAccessBlock = "GetPublicAccessBlock", putPublicAccessBlock = "PutPublicAccessBlock"
    case deletePublicAccessBlock = "DeletePublicAccessBlock"
    case getBucketEncryption = "GetBucketEncryption", putBucketEncryption = "PutBucketEncryption"
    case deleteBucketEncryption = "DeleteBucketEncryption"
    case getBucketAcl = "GetBucketAcl"
    /// Read-only configuration sub-resources the emulator does not store (CORS, website, ...): answered as "none set".
    case getUnconfiguredSubresource = "GetBucketConfiguration"
    case listObjects = "ListObjects", listObjectsV2 = "ListObjectsV2", listObjectVersions = "ListObjectVersions"
    case listMultipartUploads = "ListMultipartUploads"
    case putObject = "PutObject", getObject = "GetObject", headObject = "HeadObject", deleteObject = "DeleteObject"
    case copyObject = "CopyObject"
    case deleteObjects = "DeleteObjects"
    case getObjectTagging = "GetObjectTagging", putObjectTagging = "PutObjectTagging"
    case deleteObjectTagging = "DeleteObjectTagging"
    case getObjectAcl = "GetObjectAcl"
    case createMultipartUpload = "CreateMultipartUpload", uploadPart = "UploadPart", uploadPartCopy = "UploadPartCopy"
    case listParts = "ListParts", completeMultipartUpload = "CompleteMultipartUpload"
    case abortMultipartUpload = "AbortMultipartUpload"
    /// A bucket operation S3 has and the emulator refuses (``S3UnsupportedSubresources``).
    case unsupportedBucketOperation = "UnsupportedBucketOperation"
    /// An object operation S3 has and the emulator refuses (``S3UnsupportedSubresources``).
    case unsupportedObjectOperation = "UnsupportedObjectOperation"
}

extension S3Operation {
    /// Bucket sub-resources that are read-only here and answered as "not configured".
    static let unconfiguredSubresources: Set<String> = [
        "cors", "website", "lifecycle", "replication", "logging", "accelerate", "requestPayment", "object-lock",
        "ownershipControls", "notification", "analytics", "metrics", "inventory", "intelligent-tiering",
    ]

    /// Identifies the operation of a request, or the error S3 gives when it is not one.
    static func identify(
        method: HTTPMethod, bucket: String?, key: String?, request: EmulatorRequest
    ) -> Result<S3Operation, S3Error> {
        let has = request.hasQuery
        guard bucket != nil else {
            return method == .GET
                ? .success(.listBuckets) : .failure(.methodNotAllowed(method.rawValue, resourceType: "SERVICE"))
        }
        if S3UnsupportedSubresources.operation(method: method, onObject: key != nil, request: request) != nil {
            return .success(key == nil ? .unsupportedBucketOperation : .unsupportedObjectOperation)
        }
        // A sub-resource the method does not serve never falls through to the plain operation of the path.
        let plain: (S3Operation) -> Result<S3Operation, S3Error> = { operation in
            S3UnsupportedSubresources.anySubresource(in: request) == nil
                ? .success(operation) : .failure(.notImplemented())
        }
        if key == nil {
            switch method {
            case .GET:
                if has("location") { return .success(.getBucketLocation) }
                if has("tagging") { return .success(.getBucketTagging) }
                if has("versioning") { return .success(.getBucketVersioning) }
                if has("policy") { return .success(.getBucketPolicy) }
                if has("publicAccessBlock") { return .success(.getPublicAccessBlock) }
                if has("encryption") { return .success(.getBucketEncryption) }
                if has("acl") { return .success(.getBucketAcl) }
                if has("versions") { return .success(.listObjectVersions) }
                if has("uploads") { return .success(.listMultipartUploads) }
                if unconfiguredSubresources.contains(where: has) { return .success(.getUnconfiguredSubresource) }
                if request.query("list-type") == "2" { return plain(.listObjectsV2) }
                return plain(.listObjects)
            case .PUT:
                if has("tagging") { return .success(.putBucketTagging) }
                if has("versioning") { return .success(.putBucketVersioning) }
                if has("policy") { return .success(.putBucketPolicy) }
                if has("publicAccessBlock") { return .success(.putPublicAccessBlock) }
                if has("encryption") { return .success(.putBucketEncryption) }
                return plain(.createBucket)
            case .DELETE:
                if has("tagging") { return .success(.deleteBucketTagging) }
                if has("policy") { return .success(.deleteBucketPolicy) }
                if has("publicAccessBlock") { return .success(.deletePublicAccessBlock) }
                if has("encryption") { return .success(.deleteBucketEncryption) }
                return plain(.deleteBucket)
            case .HEAD:
                return .success(.headBucket)
            case .POST:
                if has("delete") { return .success(.deleteObjects) }
                return .failure(.notImplemented())
            default:
                return .failure(.methodNotAllowed(method.rawValue, resourceType: "BUCKET"))
            }
        }
        switch method {
        case .GET:
            if has("uploadId") { return .success(.listParts) }
            if has("tagging") { return .success(.getObjectTagging) }
            if has("acl") { return .success(.getObjectAcl) }
            return plain(.getObject)
        case .HEAD:
            return .success(.headObject)
        case .PUT:
            if has("partNumber") || has("uploadId") {
                return .success(request.header("x-amz-copy-source") != nil ? .uploadPartCopy : .uploadPart)
            }
            if has("tagging") { return .success(.putObjectTagging) }
            if request.header("x-amz-copy-source") != nil { return plain(.copyObject) }
            return plain(.putObject)
        case .DELETE:
            if has("uploadId") { return .success(.abortMultipartUpload) }
            if has("tagging") { return .success(.deleteObjectTagging) }
            return plain(.deleteObject)
        case .POST:
            if has("uploads") { return .success(.createMultipartUpload) }
            if has("uploadId") { return .success(.completeMultipartUpload) }
            return .failure(.methodNotAllowed(method.rawValue, resourceType: "OBJECT"))
        default:
            return .failure(.methodNotAllowed(method.rawValue, resourceType: "OBJECT"))
        }
    }
}
