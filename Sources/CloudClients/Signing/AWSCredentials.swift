/// An AWS access key pair, with the session token of temporary credentials.
public struct AWSCredentials: Sendable, Hashable {
    /// The access key id.
    public var accessKeyId: String
    /// The secret access key. Never logged or captured.
    public var secretAccessKey: String
    /// The session token of temporary credentials.
    public var sessionToken: String?

    /// Creates credentials.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }
}
