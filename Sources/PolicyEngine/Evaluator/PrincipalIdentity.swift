/// Who makes a request, as policies see it.
public struct PrincipalIdentity: Sendable, Hashable {
    /// The kinds of principal a policy can match.
    public enum Kind: String, Sendable, Hashable {
        /// An account's root user.
        case root
        /// An IAM user.
        case user
        /// A role session (`AssumeRole`).
        case assumedRole
        /// A federated user (`GetFederationToken`).
        case federatedUser
        /// An AWS service (`ec2.amazonaws.com`) acting on its own behalf.
        case service
        /// A request without credentials.
        case anonymous
    }

    /// What sort of principal this is.
    public var kind: Kind
    /// The 12-digit account id; empty for services and anonymous callers.
    public var accountId: String
    /// The principal's ARN; the service name for ``Kind/service``; `*` for ``Kind/anonymous``.
    public var arn: String
    /// The unique id (`aws:userid`): `AIDA...`, `AROA...:session`, the account id for root.
    public var userId: String
    /// The user's name (`aws:username`), or the session's name for a role session.
    public var name: String?
    /// For a role session, the role's ARN (`arn:aws:iam::123456789012:role/path/name`).
    public var roleArn: String?
    /// The principal's tags (`aws:PrincipalTag/*`).
    public var tags: [String: String]

    /// Creates a principal.
    public init(
        kind: Kind, accountId: String, arn: String, userId: String, name: String? = nil, roleArn: String? = nil,
        tags: [String: String] = [:]
    ) {
        self.kind = kind
        self.accountId = accountId
        self.arn = arn
        self.userId = userId
        self.name = name
        self.roleArn = roleArn
        self.tags = tags
    }

    /// The root user of an account.
    public static func root(accountId: String) -> PrincipalIdentity {
        PrincipalIdentity(kind: .root, accountId: accountId, arn: "arn:aws:iam::\(accountId):root", userId: accountId)
    }

    /// An AWS service principal (`ec2.amazonaws.com`).
    public static func service(_ name: String) -> PrincipalIdentity {
        PrincipalIdentity(kind: .service, accountId: "", arn: name, userId: name)
    }

    /// A caller without credentials.
    public static let anonymous = PrincipalIdentity(kind: .anonymous, accountId: "", arn: "*", userId: "anonymous")

    /// The ARN policies compare with `aws:PrincipalArn`: for a role session the role's ARN, as AWS does.
    var principalArnKey: String { roleArn ?? arn }
}
