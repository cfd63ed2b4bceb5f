import Foundation

/// Temporary credentials STS issued (`AssumeRole`, `GetSessionToken`), as kept in its journal.
struct STSSession: Sendable, Codable, Equatable {
    /// `ASIA...`.
    var accessKeyId: String
    var secretAccessKey: String
    var sessionToken: String
    /// When the credentials stop working, on the emulator's clock.
    var expiration: Date
    /// Who the credentials act as.
    var principal: AWSPrincipal
    /// Session policy documents (inline `Policy`, then the documents of `PolicyArns`).
    var sessionPolicies: [String]
    /// Session tags (`Tags`).
    var sessionTags: [String: String]

    /// The credential the authenticator checks.
    var credential: AWSCredential {
        AWSCredential(
            accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: sessionToken,
            expiration: expiration, principal: principal, sessionPolicies: sessionPolicies, sessionTags: sessionTags)
    }
}
