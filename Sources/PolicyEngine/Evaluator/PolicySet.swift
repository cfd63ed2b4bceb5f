/// A policy document with the name reports and IAM simulation show for it.
public struct NamedPolicy: Sendable {
    /// The policy's name or ARN (`arn:aws:iam::aws:policy/AmazonS3FullAccess`, `bucket policy of b`).
    public var name: String
    /// The document.
    public var document: PolicyDocument

    /// Creates a named policy.
    public init(name: String, document: PolicyDocument) {
        self.name = name
        self.document = document
    }
}

/// Every policy that applies to one request.
public struct PolicySet: Sendable {
    /// The principal's identity policies: a user's inline, attached and groups' policies, or a role's.
    public var identity: [NamedPolicy]
    /// The resource's policy: a bucket policy, or a role's trust policy for `sts:AssumeRole`.
    public var resource: NamedPolicy?
    /// The session policies of a role session, which narrow its identity policies.
    public var sessionPolicies: [NamedPolicy]
    /// The permissions boundary of the user or role, which caps its identity policies.
    public var permissionsBoundary: NamedPolicy?
    /// Whether the resource policy must itself allow, as a role's trust policy must for `sts:AssumeRole`: an identity
    /// policy alone never lets anyone assume a role.
    public var requiresResourceAllow: Bool = false

    /// Creates a policy set.
    public init(
        identity: [NamedPolicy] = [], resource: NamedPolicy? = nil, sessionPolicies: [NamedPolicy] = [],
        permissionsBoundary: NamedPolicy? = nil, requiresResourceAllow: Bool = false
    ) {
        self.requiresResourceAllow = requiresResourceAllow
        self.identity = identity
        self.resource = resource
        self.sessionPolicies = sessionPolicies
        self.permissionsBoundary = permissionsBoundary
    }
}
