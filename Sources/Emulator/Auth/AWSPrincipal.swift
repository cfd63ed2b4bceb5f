/// Who an AWS request acts as: the identity behind an access key.
public struct AWSPrincipal: Sendable, Hashable, Codable {
    /// The kinds of identity that sign requests.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The account's root user.
        case root
        /// An IAM user.
        case user
        /// A role session obtained through STS.
        case assumedRole
        /// A federated user (`GetFederationToken`).
        case federatedUser
        /// A request without any signature (S3 allows one when a bucket policy grants `"Principal": "*"`).
        case anonymous
    }

    /// What sort of identity this is.
    public var kind: Kind
    /// The 12-digit account id.
    public var accountId: String
    /// The principal's ARN (`arn:aws:iam::123456789012:user/alice`, `arn:aws:sts::...:assumed-role/r/s`).
    public var arn: String
    /// The unique id (`AIDA...`, `AROA...:session`, or the account id for root).
    public var userId: String
    /// The user's name, or the role session's name.
    public var name: String?
    /// For a role session, the role's ARN (`arn:aws:iam::123456789012:role/path/name`).
    public var roleArn: String?

    /// Creates a principal.
    public init(
        kind: Kind, accountId: String, arn: String, userId: String, name: String? = nil, roleArn: String? = nil
    ) {
        self.kind = kind
        self.accountId = accountId
        self.arn = arn
        self.userId = userId
        self.name = name
        self.roleArn = roleArn
    }

    /// The root user of an account.
    public static func root(accountId: String) -> AWSPrincipal {
        AWSPrincipal(kind: .root, accountId: accountId, arn: "arn:aws:iam::\(accountId):root", userId: accountId)
    }

    /// The caller of an unsigned request.
    public static let anonymous = AWSPrincipal(kind: .anonymous, accountId: "", arn: "*", userId: "anonymous")
}
