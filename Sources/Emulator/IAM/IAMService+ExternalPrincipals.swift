import Foundation

extension IAMService {
    /// Creates (or finds) a user in another account with a policy allowing it to assume roles, and a new access key.
    /// See ``Emulator/externalPrincipal(accountId:userName:)``.
    func provisionExternalPrincipal(accountId: String, userName: String, now: Date) throws(QueryError) -> AWSCredential
    {
        throw QueryError("NotImplemented", .notImplemented, "pending the IAM model")
    }
}
