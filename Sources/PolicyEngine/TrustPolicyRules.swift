/// IAM's rules for role trust policies (`CreateRole`, `UpdateAssumeRolePolicy`), statement by statement.
enum TrustPolicyRules {
    /// The actions a trust policy may allow or deny (`sts:AssumeRole` and the actions that go with assuming a role).
    static let assumeRoleActions = [
        "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity", "sts:TagSession",
        "sts:SetSourceIdentity", "sts:SetContext",
    ]

    static func firstProblem(in parsed: ParsedPolicy, principalExists: (ARN) -> Bool) -> String? {
        for statement in parsed.document.statements {
            guard let principal = statement.principal ?? statement.notPrincipal else {
                return IAMMessages.missingPrincipal
            }
            if let problem = principalProblem(principal, principalExists: principalExists) { return problem }
            guard let actions = statement.action ?? statement.notAction, !actions.isEmpty else {
                return IAMMessages.missingAction
            }
            for action in actions where !isAssumeRoleAction(action) { return IAMMessages.notAssumeRoleAction }
            if statement.resource != nil { return IAMMessages.prohibitedField("Resource") }
            if statement.notResource != nil { return IAMMessages.prohibitedField("NotResource") }
        }
        let sids = parsed.document.statements.compactMap(\.sid).filter { !$0.isEmpty }
        if Set(sids).count != sids.count { return IAMMessages.duplicateSid }
        return nil
    }

    /// `*`, or an `sts:` pattern that covers at least one assume-role action.
    static func isAssumeRoleAction(_ action: String) -> Bool {
        if action == "*" { return true }
        let pattern = WildcardPattern(action: action)
        return assumeRoleActions.contains(where: pattern.matches)
    }

    static func principalProblem(_ principal: PolicyPrincipal, principalExists: (ARN) -> Bool) -> String? {
        guard !principal.isWildcard else { return nil }
        if principal.values.values.allSatisfy(\.isEmpty) { return IAMMessages.noPrincipals }
        for value in principal.aws {
            guard PrincipalSyntax.isValidAWS(value), PrincipalSyntax.awsARN(value).map(principalExists) != false
            else { return IAMMessages.invalidPrincipal("AWS", value) }
        }
        for value in principal.services where !PrincipalSyntax.isValidService(value) {
            return IAMMessages.invalidPrincipal("SERVICE", value)
        }
        for value in principal.federated where !PrincipalSyntax.isValidFederated(value) {
            return IAMMessages.invalidPrincipal("FEDERATED", value)
        }
        if let value = principal.canonicalUsers.first {
            return IAMMessages.invalidPrincipal("CANONICAL_USER", value)
        }
        return nil
    }
}
