/// One statement of a policy: who (`Principal`), may or may not (`Effect`) do what (`Action`) to what
/// (`Resource`) and when (`Condition`).
///
/// Each element and its `Not` form are kept as the document wrote them; the parser guarantees that at most one of
/// each pair is present.
public struct PolicyStatement: Sendable, Equatable {
    /// Whether a statement allows or denies.
    public enum Effect: String, Sendable, Hashable, CaseIterable {
        case allow = "Allow"
        case deny = "Deny"
    }

    /// The optional statement id.
    public var sid: String?
    /// Allow or deny.
    public var effect: Effect
    /// The `Principal` element (resource and trust policies).
    public var principal: PolicyPrincipal?
    /// The `NotPrincipal` element.
    public var notPrincipal: PolicyPrincipal?
    /// The `Action` element: action patterns such as `s3:Get*`.
    public var action: [String]?
    /// The `NotAction` element.
    public var notAction: [String]?
    /// The `Resource` element: ARN patterns such as `arn:aws:s3:::bucket/*`.
    public var resource: [String]?
    /// The `NotResource` element.
    public var notResource: [String]?
    /// The conditions, one per operator and key, in document order; all of them must hold.
    public var conditions: [PolicyCondition]

    /// Creates a statement.
    public init(
        sid: String? = nil, effect: Effect, principal: PolicyPrincipal? = nil, notPrincipal: PolicyPrincipal? = nil,
        action: [String]? = nil, notAction: [String]? = nil, resource: [String]? = nil,
        notResource: [String]? = nil, conditions: [PolicyCondition] = []
    ) {
        self.sid = sid
        self.effect = effect
        self.principal = principal
        self.notPrincipal = notPrincipal
        self.action = action
        self.notAction = notAction
        self.resource = resource
        self.notResource = notResource
        self.conditions = conditions
    }
}
