extension Emulator {
    /// A principal of another AWS account, for tests that play that account: an IAM user there, allowed to call
    /// `sts:AssumeRole`, `sts:TagSession` and `sts:SetSourceIdentity` on any role, with a new access key.
    ///
    /// This is how "Databricks (account 414351767826) assumes your cross-account role with your external id" is
    /// exercised: the user's account is the one a trust policy names, so the trust policy, its external id condition
    /// and the cross-account rules decide exactly as in AWS. The same is reachable over HTTP as
    /// `POST /_brickyard/aws/principals` with `{"accountId": "...", "userName": "..."}`.
    /// - Parameters:
    ///   - accountId: The 12-digit account the principal belongs to.
    ///   - userName: The user's name in that account (created if it does not exist).
    /// - Returns: The new access key of that user.
    /// - Throws: `ValidationError` for an account id that is not 12 digits or a name IAM would refuse;
    ///   `LimitExceeded` when the user already has two access keys.
    public func externalPrincipal(accountId: String, userName: String = "brickyard-external") throws -> AWSCredential {
        try services.iam.provisionExternalPrincipal(accountId: accountId, userName: userName, now: clock.now())
    }
}
