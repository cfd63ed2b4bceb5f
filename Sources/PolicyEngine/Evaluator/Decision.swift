/// A statement that took part in a decision.
public struct MatchedStatement: Sendable, Equatable {
    /// Which kind of policy the statement belongs to.
    public enum Source: String, Sendable {
        case identity, resource, session, permissionsBoundary
    }

    /// The policy's name (``NamedPolicy/name``).
    public var policyName: String
    /// Which kind of policy it is.
    public var source: Source
    /// The statement's `Sid`.
    public var sid: String?
    /// The statement's 0-based position in its document.
    public var index: Int
    /// Whether it allows or denies.
    public var effect: PolicyStatement.Effect

    /// Creates a matched statement.
    public init(policyName: String, source: Source, sid: String?, index: Int, effect: PolicyStatement.Effect) {
        self.policyName = policyName
        self.source = source
        self.sid = sid
        self.index = index
        self.effect = effect
    }
}

/// What the policy engine decided for a request, and which statements decided it.
public struct Decision: Sendable, Equatable {
    /// The three outcomes of AWS's evaluation; the raw values are IAM simulation's `EvalDecision` strings.
    public enum Outcome: String, Sendable {
        case allowed
        case implicitDeny
        case explicitDeny
    }

    /// The outcome.
    public var outcome: Outcome
    /// The statements that decided: the denies of an explicit deny, the allows of an allow, none for an implicit deny.
    public var matchedStatements: [MatchedStatement]
    /// Condition keys that statements about this action and resource referenced and the request did not have
    /// (IAM simulation's `MissingContextValues`).
    public var missingContextKeys: [String]

    /// Creates a decision.
    public init(outcome: Outcome, matchedStatements: [MatchedStatement] = [], missingContextKeys: [String] = []) {
        self.outcome = outcome
        self.matchedStatements = matchedStatements
        self.missingContextKeys = missingContextKeys
    }

    /// Whether the request is allowed.
    public var isAllowed: Bool { outcome == .allowed }
}
