import PolicyEngine

/// Whether a bucket policy, as S3 returns it, lets a principal do an S3 action: the policy is evaluated with the
/// policy engine (the same on an emulator and on AWS, since only the document is read). The principal's own
/// account is assumed to allow it (its identity policies are not this account's to read), so the answer is what the
/// bucket's side grants: an `Allow` that names the principal, its role or its account, and no `Deny` that applies.
/// The request is taken as made over HTTPS (`aws:SecureTransport` is `true`).
struct BucketPolicyCheck {
    /// The policy document (JSON).
    var policy: String
    /// The bucket's name.
    var bucket: String

    /// The decision for a principal, an action (`s3:GetObject`) and a key (`nil`: every object, `bucket/*`, for an
    /// object action; the bucket itself for a bucket action).
    /// - Throws: ``PolicyValidationError`` when the document is not a policy.
    func decide(_ principal: PrincipalReference, action: String, key: String?) throws -> Decision.Outcome {
        let document = try PolicyDocument.parse(policy, kind: .resource(.s3Bucket(bucket)))
        let assumed = try PolicyDocument.parse(
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#)
        let request = RequestContext(
            principal: identity(principal), action: action, resource: resource(for: action, key: key),
            // Evaluated as a request from another account, so that only the bucket policy can grant.
            resourceAccountId: principal.account == Self.elsewhere ? "000000000001" : Self.elsewhere,
            keys: ["aws:SecureTransport": "true"])
        let policies = PolicySet(
            identity: [NamedPolicy(name: "the principal's own account", document: assumed)],
            resource: NamedPolicy(name: "bucket policy of \(bucket)", document: document))
        return PolicyEvaluator().evaluate(request, policies: policies).outcome
    }

    /// An account no principal belongs to.
    static let elsewhere = "000000000000"

    /// The resource an action applies to: the bucket, or its objects.
    func resource(for action: String, key: String?) -> String {
        if let key { return key.hasPrefix("arn:") ? key : "arn:aws:s3:::\(bucket)/\(key)" }
        return Self.isObjectAction(action) ? "arn:aws:s3:::\(bucket)/*" : "arn:aws:s3:::\(bucket)"
    }

    /// Whether an S3 action applies to objects rather than to the bucket.
    static func isObjectAction(_ action: String) -> Bool {
        let name = action.split(separator: ":").last.map(String.init) ?? action
        let others = [
            "AbortMultipartUpload", "ListMultipartUploadParts", "ReplicateDelete", "ReplicateTags",
            "InitiateReplication", "BypassGovernanceRetention",
        ]
        return name.contains("Object") || others.contains(name)
    }

    /// The principal as the policy engine sees it.
    func identity(_ principal: PrincipalReference) -> PrincipalIdentity {
        switch principal.kind {
        case .root:
            return .root(accountId: principal.account)
        case .user:
            return PrincipalIdentity(
                kind: .user, accountId: principal.account, arn: principal.arn, userId: principal.name,
                name: principal.name)
        case .role:
            return PrincipalIdentity(
                kind: .assumedRole, accountId: principal.account, arn: principal.arn, userId: principal.name,
                name: principal.name, roleArn: principal.arn)
        case .assumedRole(let roleArn, let session):
            return PrincipalIdentity(
                kind: .assumedRole, accountId: principal.account, arn: principal.arn, userId: session, name: session,
                roleArn: roleArn)
        }
    }
}
