/// Why no credentials were found: what was looked at, and where. It never holds a secret.
public struct CredentialChainError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in a sentence.
    public var message: String
    /// Every place looked at, in order (`environment: AWS_ACCESS_KEY_ID`, `~/.aws/credentials [staging]`).
    public var lookedAt: [String]

    public init(message: String, lookedAt: [String]) {
        self.message = message
        self.lookedAt = lookedAt
    }

    public var description: String {
        lookedAt.isEmpty ? message : "\(message); looked at: \(lookedAt.joined(separator: ", "))"
    }
}
