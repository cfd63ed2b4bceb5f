/// One request as the policy engine evaluates it: who, which action, on what, with which context keys.
public struct RequestContext: Sendable {
    /// The caller.
    public var principal: PrincipalIdentity
    /// The action (`s3:GetObject`).
    public var action: String
    /// The resource's ARN (`arn:aws:s3:::bucket/key`), or `*` when the action has none.
    public var resource: String
    /// The account that owns the resource; `nil` means the principal's own account.
    public var resourceAccountId: String?
    /// The request's context keys. The evaluator adds the keys it derives from ``principal`` (`aws:PrincipalArn`,
    /// `aws:PrincipalAccount`, `aws:PrincipalType`, `aws:userid`, `aws:username`, `aws:PrincipalTag/*`) when absent.
    public var keys: ContextKeys

    /// Creates a request context.
    public init(
        principal: PrincipalIdentity, action: String, resource: String, resourceAccountId: String? = nil,
        keys: ContextKeys = ContextKeys()
    ) {
        self.principal = principal
        self.action = action
        self.resource = resource
        self.resourceAccountId = resourceAccountId
        self.keys = keys
    }

    /// Whether the resource belongs to the principal's account.
    var isSameAccount: Bool {
        resourceAccountId == nil || resourceAccountId == principal.accountId
    }

    /// The keys with those derived from the principal added.
    var effectiveKeys: ContextKeys {
        var keys = self.keys
        func add(_ key: String, _ value: String?) {
            if let value, keys[key] == nil { keys.set(key, value) }
        }
        let principal = self.principal
        switch principal.kind {
        case .service:
            add("aws:PrincipalServiceName", principal.arn)
            add("aws:PrincipalIsAWSService", "true")
        case .anonymous:
            add("aws:PrincipalIsAWSService", "false")
        default:
            add("aws:PrincipalArn", principal.principalArnKey)
            add("aws:PrincipalAccount", principal.accountId)
            add("aws:userid", principal.userId)
            add("aws:PrincipalIsAWSService", "false")
            let type: String =
                switch principal.kind {
                case .root: "Account"
                case .user: "User"
                case .assumedRole: "AssumedRole"
                default: "FederatedUser"
                }
            add("aws:PrincipalType", type)
            if principal.kind == .user { add("aws:username", principal.name) }
            for (key, value) in principal.tags { add("aws:PrincipalTag/\(key)", value) }
        }
        return keys
    }
}
