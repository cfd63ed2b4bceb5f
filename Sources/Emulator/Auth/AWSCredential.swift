import Foundation

/// A signing credential the emulator knows: an access key, its secret, and the principal it stands for.
public struct AWSCredential: Sendable, Hashable {
    /// The access key id (`AKIA...` long-term, `ASIA...` temporary).
    public var accessKeyId: String
    /// The secret access key.
    public var secretAccessKey: String
    /// The session token a temporary credential must be presented with.
    public var sessionToken: String?
    /// When a temporary credential stops working.
    public var expiration: Date?
    /// The identity the key signs for.
    public var principal: AWSPrincipal
    /// For a role session: the session policies (`AssumeRole`'s `Policy` and the documents of its `PolicyArns`),
    /// which narrow the role's permissions.
    public var sessionPolicies: [String] = []
    /// For a role session: the session tags, which policies see as `aws:PrincipalTag/*`.
    public var sessionTags: [String: String] = [:]

    /// Creates a credential.
    public init(
        accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil,
        principal: AWSPrincipal, sessionPolicies: [String] = [], sessionTags: [String: String] = [:]
    ) {
        self.sessionPolicies = sessionPolicies
        self.sessionTags = sessionTags
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.principal = principal
    }
}

/// Looks up the credential behind an access key id. IAM (access keys) and STS (sessions) add to it.
public protocol CredentialProvider: Sendable {
    /// The credential for an access key id, or `nil` when the key is unknown (or deactivated).
    func credential(forAccessKeyId accessKeyId: String) -> AWSCredential?
}
