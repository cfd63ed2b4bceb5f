// TEMPORARY: stands in for PolicyEngine's evaluation API (being written in Sources/PolicyEngine/Evaluation) so the
// Emulator target compiles meanwhile. Delete this file when PolicyEngine provides these types.
import PolicyEngine

public struct PrincipalIdentity: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case root, user, assumedRole, federatedUser, service, anonymous }
    public var kind: Kind
    public var accountId: String
    public var arn: String
    public var userId: String
    public var name: String?
    public var roleArn: String?
    public var tags: [String: String]
    public init(
        kind: Kind, accountId: String, arn: String, userId: String, name: String? = nil, roleArn: String? = nil,
        tags: [String: String] = [:]
    ) {
        self.kind = kind
        self.accountId = accountId
        self.arn = arn
        self.userId = userId
        self.name = name
        self.roleArn = roleArn
        self.tags = tags
    }
    public static func root(accountId: String) -> PrincipalIdentity {
        PrincipalIdentity(kind: .root, accountId: accountId, arn: "arn:aws:iam::\(accountId):root", userId: accountId)
    }
    public static func service(_ name: String) -> PrincipalIdentity {
        PrincipalIdentity(kind: .service, accountId: "", arn: name, userId: name)
    }
    public static let anonymous = PrincipalIdentity(kind: .anonymous, accountId: "", arn: "*", userId: "anonymous")
}

public struct ContextKeys: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    var storage: [String: [String]] = [:]
    public init() {}
    public init(dictionaryLiteral elements: (String, String)...) {
        for (key, value) in elements { storage[key.lowercased()] = [value] }
    }
    public subscript(key: String) -> [String]? {
        get { storage[key.lowercased()] }
        set { storage[key.lowercased()] = newValue }
    }
    public mutating func set(_ key: String, _ value: String) { storage[key.lowercased()] = [value] }
    public mutating func set(_ key: String, values: [String]) { storage[key.lowercased()] = values }
    public var keys: [String] { Array(storage.keys) }
}

public struct RequestContext: Sendable {
    public var principal: PrincipalIdentity
    public var action: String
    public var resource: String
    public var resourceAccountId: String?
    public var keys: ContextKeys
    public init(
        principal: PrincipalIdentity, action: String, resource: String, resourceAccountId: String?, keys: ContextKeys
    ) {
        self.principal = principal
        self.action = action
        self.resource = resource
        self.resourceAccountId = resourceAccountId
        self.keys = keys
    }
}

public struct NamedPolicy: Sendable {
    public var name: String
    public var document: PolicyDocument
    public init(name: String, document: PolicyDocument) {
        self.name = name
        self.document = document
    }
}

public struct PolicySet: Sendable {
    public var identity: [NamedPolicy]
    public var resource: NamedPolicy?
    public var sessionPolicies: [NamedPolicy]
    public var permissionsBoundary: NamedPolicy?
    public init(
        identity: [NamedPolicy] = [], resource: NamedPolicy? = nil, sessionPolicies: [NamedPolicy] = [],
        permissionsBoundary: NamedPolicy? = nil
    ) {
        self.identity = identity
        self.resource = resource
        self.sessionPolicies = sessionPolicies
        self.permissionsBoundary = permissionsBoundary
    }
}

public struct MatchedStatement: Sendable, Equatable {
    public enum Source: String, Sendable { case identity, resource, session, permissionsBoundary }
    public var policyName: String
    public var source: Source
    public var sid: String?
    public var index: Int
    public var effect: PolicyStatement.Effect
}

public struct Decision: Sendable, Equatable {
    public enum Outcome: String, Sendable { case allowed, implicitDeny, explicitDeny }
    public var outcome: Outcome
    public var matchedStatements: [MatchedStatement]
    public var missingContextKeys: [String]
    public var isAllowed: Bool { outcome == .allowed }
}

public struct PolicyEvaluator: Sendable {
    public init() {}
    public func evaluate(_ context: RequestContext, policies: PolicySet) -> Decision {
        Decision(outcome: .allowed, matchedStatements: [], missingContextKeys: [])
    }
}
