/// S3's rules for bucket policies (`PutBucketPolicy`), statement by statement.
enum BucketPolicyRules {
    static func firstProblem(in parsed: ParsedPolicy, bucket: String, principalExists: (ARN) -> Bool) -> String? {
        let bucketARN = "arn:aws:s3:::\(bucket)"
        for statement in parsed.document.statements {
            guard let principal = statement.principal ?? statement.notPrincipal else {
                return S3Messages.missingField("Principal")
            }
            if !isValid(principal, principalExists: principalExists) { return S3Messages.invalidPrincipal }

            guard let actions = statement.action ?? statement.notAction else {
                return S3Messages.missingField("Action")
            }
            if actions.isEmpty || !actions.allSatisfy(S3ActionCatalog.isValidPattern) {
                return S3Messages.invalidAction
            }

            guard let resources = statement.resource ?? statement.notResource else {
                return S3Messages.missingField("Resource")
            }
            let namesBucket = resources.contains(bucketARN)
            let namesObjects = resources.contains { $0.hasPrefix(bucketARN + "/") }
            if resources.isEmpty || resources.contains(where: { $0 != bucketARN && !$0.hasPrefix(bucketARN + "/") }) {
                return S3Messages.invalidResource
            }
            if let actions = statement.action, statement.resource != nil {
                for action in actions
                where !S3ActionCatalog.applies(action, toBucket: namesBucket, toObjects: namesObjects) {
                    return S3Messages.actionResourceMismatch
                }
            }
        }
        let sids = parsed.document.statements.compactMap(\.sid).filter { !$0.isEmpty }
        if Set(sids).count != sids.count { return S3Messages.duplicateSid }
        return nil
    }

    static func isValid(_ principal: PolicyPrincipal, principalExists: (ARN) -> Bool) -> Bool {
        guard !principal.isWildcard else { return true }
        let all = principal.values.values.joined()
        guard !all.isEmpty else { return false }
        for value in principal.aws {
            guard PrincipalSyntax.isValidAWS(value), PrincipalSyntax.awsARN(value).map(principalExists) != false
            else { return false }
        }
        return principal.services.allSatisfy(PrincipalSyntax.isValidService)
            && principal.federated.allSatisfy(PrincipalSyntax.isValidFederated)
            && principal.canonicalUsers.allSatisfy(PrincipalSyntax.isValidCanonicalUser)
    }
}
