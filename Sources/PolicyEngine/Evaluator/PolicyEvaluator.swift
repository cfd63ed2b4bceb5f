/// Evaluates a request against the policies that apply to it, in the order AWS documents ("Policy evaluation
/// logic", "Cross-account policy evaluation logic"):
///
/// 1. An explicit `Deny` in any policy wins.
/// 2. Within one account, an `Allow` in an identity policy (capped by a permissions boundary and narrowed by session
///    policies) or in the resource policy grants. A resource policy that names the account rather than the
///    principal delegates to the account, so the identity side must allow too; one that names a role session's role
///    is still narrowed by the session policies and the boundary.
/// 3. Across accounts, the resource policy and the identity side must both allow.
/// 4. A role's trust policy (``PolicySet/requiresResourceAllow``) must allow in every case.
/// 5. Otherwise the request is implicitly denied. The root user of the resource's account is allowed anything no
///    policy explicitly denies.
public struct PolicyEvaluator: Sendable {
    /// Creates an evaluator.
    public init() {}

    /// Decides a request.
    /// - Parameters:
    ///   - context: The principal, action, resource and context keys.
    ///   - policies: The policies that apply.
    /// - Returns: The outcome and the statements that decided it.
    public func evaluate(_ context: RequestContext, policies: PolicySet) -> Decision {
        var scan = Scan(context: context)
        let identity = policies.identity.map { scan.statements(of: $0, source: .identity) }
        let session = policies.sessionPolicies.map { scan.statements(of: $0, source: .session) }
        let boundary = policies.permissionsBoundary.map { scan.statements(of: $0, source: .permissionsBoundary) }
        let resource = policies.resource.map { scan.statements(of: $0, source: .resource) }
        let missing = scan.missing.sorted()
        if !scan.denies.isEmpty {
            return Decision(outcome: .explicitDeny, matchedStatements: scan.denies, missingContextKeys: missing)
        }
        let principal = context.principal
        let identityAllows = identity.flatMap(\.self)
        let resourceAllows = resource ?? []
        let bestResourceMatch = scan.bestResourceMatch
        func allowed(_ statements: [MatchedStatement]) -> Decision {
            Decision(outcome: .allowed, matchedStatements: statements, missingContextKeys: missing)
        }
        if principal.kind == .service || principal.kind == .anonymous {
            return resourceAllows.isEmpty
                ? Decision(outcome: .implicitDeny, missingContextKeys: missing) : allowed(resourceAllows)
        }
        let boundaryAllows = boundary.map { !$0.isEmpty } ?? true
        let sessionAllows = session.isEmpty || session.contains { !$0.isEmpty }
        let narrowingAllows = boundaryAllows && sessionAllows
        let identitySideAllows = principal.kind == .root || (!identityAllows.isEmpty && narrowingAllows)
        if policies.requiresResourceAllow, resourceAllows.isEmpty {
            return Decision(outcome: .implicitDeny, missingContextKeys: missing)
        }
        if context.isSameAccount {
            if principal.kind == .root { return allowed(resourceAllows) }
            if bestResourceMatch == .direct { return allowed(resourceAllows) }
            if bestResourceMatch == .role, narrowingAllows { return allowed(resourceAllows) }
            if identitySideAllows { return allowed(identityAllows + session.flatMap(\.self)) }
        } else if !resourceAllows.isEmpty, identitySideAllows {
            return allowed(identityAllows + resourceAllows)
        }
        return Decision(outcome: .implicitDeny, missingContextKeys: missing)
    }
}

/// One pass over the policies of a request: the denies, the allows of each policy, the keys it lacked.
private struct Scan {
    let context: RequestContext
    let keys: ContextKeys
    var denies: [MatchedStatement] = []
    var missing: Set<String> = []
    /// How the resource policy's allowing statements name the principal, at best.
    var bestResourceMatch = PrincipalMatch.none

    init(context: RequestContext) {
        self.context = context
        self.keys = context.effectiveKeys
    }

    /// The allowing statements of a policy that apply; records its applying denies.
    mutating func statements(of policy: NamedPolicy, source: MatchedStatement.Source) -> [MatchedStatement] {
        let document = policy.document
        let variables = document.supportsPolicyVariables
        let keys = self.keys
        let lookup: ((String) -> String?)? = variables ? { keys.first($0) } : nil
        var allows: [MatchedStatement] = []
        for (index, statement) in document.statements.enumerated() {
            guard statement.covers(action: context.action) else { continue }
            guard statement.covers(resource: context.resource, variables: lookup) else { continue }
            var match = PrincipalMatch.direct
            if source == .resource {
                if let principal = statement.principal {
                    match = principal.match(context.principal)
                } else if let notPrincipal = statement.notPrincipal {
                    match = notPrincipal.match(context.principal) == .none ? .direct : .none
                } else {
                    match = .none
                }
                guard match != .none else { continue }
            }
            var holds = true
            for condition in statement.conditions
            where !condition.holds(in: keys, variables: variables, missing: &missing) {
                holds = false
            }
            guard holds else { continue }
            let matched = MatchedStatement(
                policyName: policy.name, source: source, sid: statement.sid, index: index, effect: statement.effect)
            if statement.effect == .deny {
                denies.append(matched)
            } else {
                allows.append(matched)
                if source == .resource { bestResourceMatch = max(bestResourceMatch, match) }
            }
        }
        return allows
    }
}
