import PolicyEngine

/// What other services may ask IAM: the policies and tags of a principal, and the roles and instance profiles that
/// exist. STS, the authorizer and the Databricks validation go through this seam, never through IAM's storage.
public protocol IdentityDirectory: Sendable {
    /// The identity policies that apply to a principal: for a user, its inline policies, the managed policies attached
    /// to it and those of its groups; for a role session, its role's inline and attached policies; none for root.
    func identityPolicies(of principal: AWSPrincipal) -> [NamedPolicy]

    /// The permissions boundary of the user or role behind a principal, when one is set.
    func permissionsBoundary(of principal: AWSPrincipal) -> NamedPolicy?

    /// The tags of the user or role behind a principal (`aws:PrincipalTag/*`).
    func tags(of principal: AWSPrincipal) -> [String: String]

    /// A role by ARN (`arn:aws:iam::123456789012:role/path/name`), or `nil` when there is none.
    func role(arn: String) -> IAMRoleDescription?

    /// An instance profile by ARN, or `nil` when there is none.
    func instanceProfile(arn: String) -> IAMInstanceProfileDescription?

    /// The document of a managed policy (customer or AWS managed) by ARN, its default version, or `nil`.
    func managedPolicyDocument(arn: String) -> PolicyDocument?
}

/// A role as other services see it.
public struct IAMRoleDescription: Sendable {
    /// The role's name.
    public var name: String
    /// The role's path (`/`, `/service-role/`).
    public var path: String
    /// The unique id (`AROA...`).
    public var roleId: String
    /// The ARN.
    public var arn: String
    /// The account that owns it.
    public var accountId: String
    /// The trust policy (assume-role policy document).
    public var trustPolicy: PolicyDocument
    /// The longest session `AssumeRole` may grant, in seconds (3600 to 43200).
    public var maxSessionDuration: Int
    /// The role's tags.
    public var tags: [String: String]

    /// Creates a description.
    public init(
        name: String, path: String, roleId: String, arn: String, accountId: String, trustPolicy: PolicyDocument,
        maxSessionDuration: Int, tags: [String: String]
    ) {
        self.name = name
        self.path = path
        self.roleId = roleId
        self.arn = arn
        self.accountId = accountId
        self.trustPolicy = trustPolicy
        self.maxSessionDuration = maxSessionDuration
        self.tags = tags
    }
}

/// An instance profile as other services see it.
public struct IAMInstanceProfileDescription: Sendable {
    /// The instance profile's name.
    public var name: String
    /// The ARN.
    public var arn: String
    /// The account that owns it.
    public var accountId: String
    /// The ARNs of its roles (at most one).
    public var roleArns: [String]

    /// Creates a description.
    public init(name: String, arn: String, accountId: String, roleArns: [String]) {
        self.name = name
        self.arn = arn
        self.accountId = accountId
        self.roleArns = roleArns
    }
}
