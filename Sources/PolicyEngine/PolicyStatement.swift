/// One statement of a policy.
public struct PolicyStatement: Sendable, Equatable {
    /// Allow or deny.
    public enum Effect: String, Sendable, Equatable {
        case allow = "Allow"
        case deny = "Deny"
    }

    /// A list of values that applies either to what it names or to everything else (`Action` / `NotAction`).
    public enum Match: Sendable, Equatable {
        /// The element (`Action`, `Resource`, `Principal`).
        case only([String])
        /// The `Not` element (`NotAction`, `NotResource`, `NotPrincipal`).
        case allExcept([String])
    }

    /// The optional statement id.
    public var sid: String?
    /// The effect.
    public var effect: Effect
    /// `Principal` or `NotPrincipal`, when present.
    public var principal: PolicyPrincipal?
    /// Whether the principal element is `NotPrincipal`.
    public var principalIsNegated: Bool
    /// `Action` or `NotAction`.
    public var actions: Match
    /// `Resource` or `NotResource`, when present (trust policies have none).
    public var resources: Match?
    /// The conditions, all of which must hold.
    public var conditions: [PolicyCondition]

    /// Creates a statement.
    public init(
        sid: String? = nil, effect: Effect, principal: PolicyPrincipal? = nil, principalIsNegated: Bool = false,
        actions: Match, resources: Match? = nil, conditions: [PolicyCondition] = []
    ) {
        self.sid = sid
        self.effect = effect
        self.principal = principal
        self.principalIsNegated = principalIsNegated
        self.actions = actions
        self.resources = resources
        self.conditions = conditions
    }
}
