/// How a resource policy's `Principal` element names a caller, which decides whether the resource policy alone can
/// grant access (AWS's "Policy evaluation logic" and "Session policies").
enum PrincipalMatch: Comparable {
    /// Not named.
    case none
    /// Named through its account (`123456789012`, `arn:aws:iam::123456789012:root`): a delegation to that account,
    /// whose own identity policies must also allow.
    case account
    /// A role session named through its role's ARN: session policies and a boundary still narrow the grant.
    case role
    /// Named directly: the user, the session, the service, or everyone (`*`).
    case direct
}

extension PolicyPrincipal {
    /// How this element names a principal.
    func match(_ principal: PrincipalIdentity) -> PrincipalMatch {
        if isWildcard { return .direct }
        var best = PrincipalMatch.none
        for value in aws {
            best = max(best, Self.matchAWS(value, principal))
            if best == .direct { return best }
        }
        if principal.kind == .service, services.contains(where: { $0.lowercased() == principal.arn.lowercased() }) {
            return .direct
        }
        if principal.kind == .federatedUser, federated.contains(principal.arn) { return .direct }
        return best
    }

    private static func matchAWS(_ value: String, _ principal: PrincipalIdentity) -> PrincipalMatch {
        if value == "*" { return .direct }
        guard principal.kind != .service, principal.kind != .anonymous else { return .none }
        if value == principal.arn { return .direct }
        if let roleArn = principal.roleArn, value == roleArn { return .role }
        let account: Substring? =
            value.count == 12 && value.allSatisfy(\.isNumber)
            ? Substring(value)
            : (value.hasPrefix("arn:aws:iam::") && value.hasSuffix(":root")
                ? value.dropFirst("arn:aws:iam::".count).dropLast(":root".count) : nil)
        if let account, account == principal.accountId {
            return principal.kind == .root ? .direct : .account
        }
        return .none
    }
}
