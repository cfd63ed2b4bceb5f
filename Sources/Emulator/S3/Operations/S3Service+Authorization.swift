import Foundation
import PolicyEngine

extension S3Service {
    /// Authorizes an operation through the policy engine: the caller's identity policies, the bucket policy, and the
    /// bucket owner's rights, in AWS's order. A request for a bucket that does not exist is left to the operation
    /// (which answers `NoSuchBucket`), as S3 does.
    func authorize(_ context: Context) throws(S3Error) {
        guard authorizer.isEnforcing else { return }
        let operation = context.operation
        switch operation {
        case .listBuckets:
            try authorize(context, action: operation.iamAction, resource: "*", bucket: nil)
        case .createBucket:
            try authorize(context, action: operation.iamAction, resource: Self.arn(bucket: context.bucket), bucket: nil)
        case .deleteObjects:
            // s3:DeleteObject is checked key by key inside the operation, which reports a denied key as an entry.
            // An anonymous caller gets nothing without a bucket policy: refused before its body is read.
            if context.caller.principal.kind == .anonymous {
                let hasPolicy = store.read { state in state.buckets[context.bucket]?.settings.policy != nil }
                if !hasPolicy { throw .accessDenied() }
            }
            return
        default:
            let versioned = context.request.query("versionId") != nil
            let action = operation.iamAction(versioned: versioned, subresource: context.request)
            let resource =
                operation.actsOnObject
                ? Self.arn(bucket: context.bucket, key: context.key) : Self.arn(bucket: context.bucket)
            try authorize(context, action: action, resource: resource, bucket: context.bucket)
        }
    }

    /// Authorizes one action on one resource of a bucket (an object of a batch delete, the source of a copy).
    func authorize(_ context: Context, action: String, resource: String, bucket: String?) throws(S3Error) {
        guard authorizer.isEnforcing else { return }
        var resourceAccountId: String?
        var resourcePolicy: NamedPolicy?
        let anonymous = context.caller.principal.kind == .anonymous
        if let bucket {
            guard
                let found = store.read({ state in
                    state.buckets[bucket].map { ($0.metadata, $0.settings.policy, $0.settings.publicAccessBlock) }
                })
            else {
                if anonymous { throw .accessDenied() }
                return
            }
            resourceAccountId = found.0.ownerAccountId
            // RestrictPublicBuckets: a public bucket policy grants nobody outside the owner's account.
            if anonymous, found.2?.restrictPublicBuckets == true { throw .accessDenied() }
            resourcePolicy = found.1.flatMap { policies.bucketPolicy($0, bucket: bucket) }
        }
        let question = Authorizer.Question(
            action: action, resource: resource, resourceAccountId: resourceAccountId, resourcePolicy: resourcePolicy,
            keys: Self.conditionKeys(context))
        let decision = authorizer.decide(
            question, credential: context.caller.credential, request: context.request, now: context.now,
            region: context.caller.region)
        guard decision.isAllowed else {
            if anonymous { throw .accessDenied() }
            throw .accessDenied(
                Authorizer.deniedMessage(
                    decision, question: question, principalArn: context.caller.principal.arn, quoteResource: true))
        }
    }

    // MARK: - Resources and keys

    static func arn(bucket: String) -> String { "arn:aws:s3:::\(bucket)" }

    static func arn(bucket: String, key: String) -> String { "arn:aws:s3:::\(bucket)/\(key)" }

    /// The S3 condition keys of a request.
    static func conditionKeys(_ context: Context) -> ContextKeys {
        var keys = ContextKeys()
        let request = context.request
        switch context.operation {
        case .listObjects, .listObjectsV2, .listObjectVersions:
            keys.set("s3:prefix", request.query("prefix") ?? "")
            if let delimiter = request.query("delimiter") { keys.set("s3:delimiter", delimiter) }
            if let maxKeys = request.query("max-keys") { keys.set("s3:max-keys", maxKeys) }
        default:
            break
        }
        if let versionId = request.query("versionId") { keys.set("s3:VersionId", versionId) }
        switch context.caller.signature {
        case .sigV4Header:
            keys.set("s3:signatureversion", "AWS4-HMAC-SHA256")
            keys.set("s3:authType", "REST-HEADER")
        case .sigV4Query:
            keys.set("s3:signatureversion", "AWS4-HMAC-SHA256")
            keys.set("s3:authType", "REST-QUERY-STRING")
        case .sigV2Header:
            keys.set("s3:signatureversion", "AWS")
            keys.set("s3:authType", "REST-HEADER")
        case .sigV2Query:
            keys.set("s3:signatureversion", "AWS")
            keys.set("s3:authType", "REST-QUERY-STRING")
        case .none:
            break
        }
        if let sha = request.header("x-amz-content-sha256") { keys.set("s3:x-amz-content-sha256", sha) }
        if let acl = request.header("x-amz-acl") { keys.set("s3:x-amz-acl", acl) }
        if let sse = request.header("x-amz-server-side-encryption") { keys.set("s3:x-amz-server-side-encryption", sse) }
        if let copySource = request.header("x-amz-copy-source") { keys.set("s3:x-amz-copy-source", copySource) }
        return keys
    }
}
