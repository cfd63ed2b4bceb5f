import AWSWire
import Foundation
import PolicyEngine

/// Decides whether an authenticated caller may perform an action, by asking the policy engine with the policies
/// IAM holds for the caller and the policy of the resource.
///
/// Every service asks it the same question AWS asks: the caller's identity policies (or none for root), the session
/// policies of a role session, a permissions boundary, and the resource policy (a bucket policy, a role's trust
/// policy), evaluated in AWS's documented order.
public struct Authorizer: Sendable {
    /// Whether decisions are enforced; with `--iam off` every authenticated request is allowed.
    public var isEnforcing: Bool
    let directory: any IdentityDirectory
    let evaluator = PolicyEvaluator()

    /// Creates an authorizer.
    /// - Parameters:
    ///   - directory: Where the policies and tags of principals come from (IAM).
    ///   - isEnforcing: `false` to allow every authenticated request.
    public init(directory: any IdentityDirectory, isEnforcing: Bool = true) {
        self.directory = directory
        self.isEnforcing = isEnforcing
    }

    /// One question to the authorizer.
    public struct Question: Sendable {
        /// The action (`s3:GetObject`).
        public var action: String
        /// The resource's ARN, or `*` for actions without one.
        public var resource: String
        /// The account that owns the resource; `nil` for the caller's own account.
        public var resourceAccountId: String?
        /// The resource policy (bucket policy, trust policy), if the resource has one.
        public var resourcePolicy: NamedPolicy?
        /// Context keys the service adds (`s3:prefix`, `sts:ExternalId`, `iam:PassedToService`).
        public var keys: ContextKeys
        /// Whether the resource policy must itself allow (a role's trust policy for `sts:AssumeRole`).
        public var requiresResourceAllow: Bool

        /// Creates a question.
        public init(
            action: String, resource: String, resourceAccountId: String? = nil, resourcePolicy: NamedPolicy? = nil,
            keys: ContextKeys = ContextKeys(), requiresResourceAllow: Bool = false
        ) {
            self.requiresResourceAllow = requiresResourceAllow
            self.action = action
            self.resource = resource
            self.resourceAccountId = resourceAccountId
            self.resourcePolicy = resourcePolicy
            self.keys = keys
        }
    }

    /// Decides a question for a caller.
    /// - Parameters:
    ///   - question: The action, resource, resource policy and service keys.
    ///   - credential: The credential that signed the request; `nil` for an anonymous request.
    ///   - request: The HTTP request (for `aws:SourceIp`, `aws:SecureTransport`).
    ///   - now: The emulator's time (for `aws:CurrentTime`).
    ///   - region: The region the request was signed for (`aws:RequestedRegion`).
    /// - Returns: The engine's decision; always `allowed` when not enforcing.
    public func decide(
        _ question: Question, credential: AWSCredential?, request: EmulatorRequest?, now: Date, region: String
    ) -> Decision {
        if !isEnforcing {
            return Decision(outcome: .allowed, matchedStatements: [], missingContextKeys: [])
        }
        var keys = question.keys
        Self.addRequestKeys(to: &keys, request: request, now: now, region: region, credential: credential)
        let principal = credential.map { identity(of: $0) } ?? .anonymous
        let context = RequestContext(
            principal: principal, action: question.action, resource: question.resource,
            resourceAccountId: question.resourceAccountId, keys: keys)
        var policies = policies(for: credential, resourcePolicy: question.resourcePolicy)
        policies.requiresResourceAllow = question.requiresResourceAllow
        return evaluator.evaluate(context, policies: policies)
    }

    /// The policies that apply to a caller's request.
    func policies(for credential: AWSCredential?, resourcePolicy: NamedPolicy?) -> PolicySet {
        guard let credential, credential.principal.kind != .anonymous else {
            return PolicySet(resource: resourcePolicy)
        }
        let principal = credential.principal
        // The root user has no identity policies; only a resource policy's explicit deny can stop it.
        if principal.kind == .root { return PolicySet(resource: resourcePolicy) }
        let sessionPolicies = credential.sessionPolicies.enumerated().compactMap { index, text -> NamedPolicy? in
            guard let document = try? PolicyDocument.parse(text) else { return nil }
            return NamedPolicy(name: "session policy \(index + 1) of \(principal.arn)", document: document)
        }
        return PolicySet(
            identity: directory.identityPolicies(of: principal), resource: resourcePolicy,
            sessionPolicies: sessionPolicies, permissionsBoundary: directory.permissionsBoundary(of: principal))
    }

    /// The principal as the policy engine sees it, with its tags (session tags win over the role's).
    public func identity(of credential: AWSCredential) -> PrincipalIdentity {
        let principal = credential.principal
        if principal.kind == .anonymous { return .anonymous }
        var tags = principal.kind == .root ? [:] : directory.tags(of: principal)
        tags.merge(credential.sessionTags) { _, session in session }
        let kind: PrincipalIdentity.Kind =
            switch principal.kind {
            case .root: .root
            case .user: .user
            case .assumedRole: .assumedRole
            case .federatedUser: .federatedUser
            case .anonymous: .anonymous
            }
        return PrincipalIdentity(
            kind: kind, accountId: principal.accountId, arn: principal.arn, userId: principal.userId,
            name: principal.name, roleArn: principal.roleArn, tags: tags)
    }

    // MARK: - Request keys

    static func addRequestKeys(
        to keys: inout ContextKeys, request: EmulatorRequest?, now: Date, region: String, credential: AWSCredential?
    ) {
        func setIfAbsent(_ key: String, _ value: @autoclosure () -> String?) {
            if keys[key] == nil, let value = value() { keys.set(key, value) }
        }
        setIfAbsent("aws:CurrentTime", AWSDate.iso8601Seconds(now))
        setIfAbsent("aws:EpochTime", String(Int(now.timeIntervalSince1970)))
        setIfAbsent("aws:RequestedRegion", region)
        setIfAbsent("aws:SecureTransport", "false")
        setIfAbsent("aws:SourceIp", request?.remoteAddress?.ipAddress)
        setIfAbsent("aws:MultiFactorAuthPresent", credential?.principal.kind == .assumedRole ? "false" : nil)
    }
}
