import Foundation

extension IAMService {
    /// The inline policy of a principal provisioned for another account: it may assume (and tag) any role; whether
    /// it can is up to each role's trust policy.
    static let externalPrincipalPolicy = """
        {"Version":"2012-10-17","Statement":[{"Sid":"AssumeRoles","Effect":"Allow",\
        "Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],"Resource":"*"}]}
        """

    /// Creates (or finds) a user in another account with a policy allowing it to assume roles, and a new access key.
    /// See ``Emulator/externalPrincipal(accountId:userName:)``.
    func provisionExternalPrincipal(accountId: String, userName: String, now: Date) throws(QueryError) -> AWSCredential
    {
        guard accountId.count == 12, accountId.allSatisfy(\.isNumber) else {
            throw .validation("The account id must be 12 digits: \(accountId)")
        }
        try IAMValidation.name(userName, member: "userName", maximum: 64)
        try write { transaction throws(QueryError) in
            let existing = transaction.state.account(accountId).users[userName.lowercased()]
            var user =
                existing
                ?? IAMUser(
                    name: userName, path: "/", id: IAMIdentifiers.user(), accountId: accountId, createDate: now)
            user.inlinePolicies.removeAll { $0.name == "brickyard-external-principal" }
            user.inlinePolicies.append(
                IAMInlinePolicy(name: "brickyard-external-principal", document: Self.externalPrincipalPolicy))
            try transaction.record(.putUser(user))
            // Keep at most one older key, so that each call can issue a fresh one.
            let keys = transaction.state.accessKeys.values.filter {
                $0.accountId == accountId && $0.userName == user.name
            }.sorted { $0.createDate < $1.createDate }
            if keys.count >= 2, let oldest = keys.first {
                try transaction.record(.deleteAccessKey(id: oldest.id))
                credentials.remove(accessKeyId: oldest.id)
            }
        }
        let (key, user) = try issueAccessKey(userName: userName, account: accountId, now: now)
        return Self.credential(key, user: user)
    }
}
