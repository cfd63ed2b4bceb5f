/// A size limit on policy documents, and the message the owning service gives when a document exceeds it.
///
/// IAM counts characters other than white space and answers `LimitExceeded` (HTTP 409), not
/// `MalformedPolicyDocument`; inline policies count together per user, group or role. S3 limits a bucket policy to
/// 20 KB. The limits are those of the IAM quotas page ("IAM and AWS STS character limits") and the S3 user guide
/// ("Bucket policies are limited to 20 KB in size").
public struct PolicySizeQuota: Sendable, Hashable {
    /// How a quota measures a document.
    public enum Measure: Sendable, Hashable {
        /// Characters other than white space (IAM).
        case nonWhitespaceCharacters
        /// UTF-8 bytes (S3).
        case bytes
    }

    /// The quota's name in IAM messages (`PolicySize`, `ACLSizePerRole`), or a description.
    public let name: String
    /// The largest size allowed.
    public let limit: Int
    /// How the size is measured.
    public let measure: Measure

    /// Creates a quota.
    public init(name: String, limit: Int, measure: Measure) {
        self.name = name
        self.limit = limit
        self.measure = measure
    }

    /// A customer managed policy: 6,144 characters.
    public static let managedPolicy = PolicySizeQuota(
        name: "PolicySize", limit: 6_144, measure: .nonWhitespaceCharacters)
    /// A role's trust policy: 2,048 characters by default (the quota can be raised to 8,192).
    public static let trustPolicy = PolicySizeQuota(
        name: "ACLSizePerRole", limit: 2_048, measure: .nonWhitespaceCharacters)
    /// All inline policies of a user together: 2,048 characters.
    public static let userInlinePolicies = PolicySizeQuota(
        name: "user", limit: 2_048, measure: .nonWhitespaceCharacters)
    /// All inline policies of a group together: 5,120 characters.
    public static let groupInlinePolicies = PolicySizeQuota(
        name: "group", limit: 5_120, measure: .nonWhitespaceCharacters)
    /// All inline policies of a role together: 10,240 characters.
    public static let roleInlinePolicies = PolicySizeQuota(
        name: "role", limit: 10_240, measure: .nonWhitespaceCharacters)
    /// An S3 bucket policy: 20 KB.
    public static let bucketPolicy = PolicySizeQuota(name: "bucket policy", limit: 20 * 1_024, measure: .bytes)

    /// The size of documents as the quota measures them (the sum, for inline policies of one entity).
    public func size(of documents: [String]) -> Int {
        documents.reduce(0) { total, text in
            switch measure {
            case .bytes: total + text.utf8.count
            case .nonWhitespaceCharacters: total + text.unicodeScalars.count { !$0.properties.isWhitespace }
            }
        }
    }

    /// Whether documents fit the quota.
    public func admits(_ documents: String...) -> Bool {
        size(of: documents) <= limit
    }

    /// IAM's `LimitExceeded` message for a managed or trust policy: `Cannot exceed quota for PolicySize: 6144`.
    public var quotaExceededMessage: String {
        "Cannot exceed quota for \(name): \(limit)"
    }

    /// IAM's `LimitExceeded` message for the inline policies of an entity:
    /// `Maximum policy size of 10240 bytes exceeded for role NAME`.
    /// - Parameter entityName: The user, group or role.
    public func inlineExceededMessage(for entityName: String) -> String {
        "Maximum policy size of \(limit) bytes exceeded for \(name) \(entityName)"
    }
}
