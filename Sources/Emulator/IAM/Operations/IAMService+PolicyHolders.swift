import PolicyEngine

/// Users, groups and roles alike carry inline policies and attached managed policies; this is how the inline-policy
/// and attachment actions reach any of them.
enum IAMPolicyHolderKind: String {
    case user = "User", group = "Group", role = "Role"

    /// The parameter naming the entity (`UserName`).
    var nameParameter: String { "\(rawValue)Name" }
    /// The largest total size of its inline policies, in characters (IAM's quotas).
    var inlineQuota: Int {
        switch self {
        case .user: 2048
        case .group: 5120
        case .role: 10_240
        }
    }
}

/// A user, group or role loaded for a policy action.
struct IAMPolicyHolderEntity {
    var kind: IAMPolicyHolderKind
    var arn: String
    var name: String
    var inlinePolicies: [IAMInlinePolicy]
    var attachedPolicies: [String]
    private var user: IAMUser?
    private var group: IAMGroup?
    private var role: IAMRole?

    init(_ kind: IAMPolicyHolderKind, name: String, account: String, in state: IAMState) throws(QueryError) {
        self.kind = kind
        let entities = state.account(account)
        switch kind {
        case .user:
            guard let user = entities.users[name.lowercased()] else { throw .noSuchUser(name) }
            (self.user, arn, self.name) = (user, user.arn, user.name)
            (inlinePolicies, attachedPolicies) = (user.inlinePolicies, user.attachedPolicies)
        case .group:
            guard let group = entities.groups[name.lowercased()] else { throw .noSuchGroup(name) }
            (self.group, arn, self.name) = (group, group.arn, group.name)
            (inlinePolicies, attachedPolicies) = (group.inlinePolicies, group.attachedPolicies)
        case .role:
            guard let role = entities.roles[name.lowercased()] else { throw .noSuchRole(name) }
            (self.role, arn, self.name) = (role, role.arn, role.name)
            (inlinePolicies, attachedPolicies) = (role.inlinePolicies, role.attachedPolicies)
        }
    }

    /// The mutation that stores the entity with its changed policies.
    var mutation: IAMState.Mutation {
        switch kind {
        case .user:
            var user = self.user!
            (user.inlinePolicies, user.attachedPolicies) = (inlinePolicies, attachedPolicies)
            return .putUser(user)
        case .group:
            var group = self.group!
            (group.inlinePolicies, group.attachedPolicies) = (inlinePolicies, attachedPolicies)
            return .putGroup(group)
        case .role:
            var role = self.role!
            (role.inlinePolicies, role.attachedPolicies) = (inlinePolicies, attachedPolicies)
            return .putRole(role)
        }
    }
}

extension IAMService {
    /// Loads the entity a policy action names, authorizes `iam:<action>` on it, lets `change` edit its policies and
    /// stores it.
    func changePolicies(
        _ context: QueryContext, _ kind: IAMPolicyHolderKind, action: String,
        _ change: (inout IAMPolicyHolderEntity) throws(QueryError) -> Void
    ) throws(QueryError) {
        let name = try context.parameters.required(kind.nameParameter)
        let account = context.principal.accountId
        let existing = try read { state throws(QueryError) in
            try IAMPolicyHolderEntity(kind, name: name, account: account, in: state)
        }
        try context.authorize(action, resource: existing.arn)
        try write { transaction throws(QueryError) in
            var entity = try IAMPolicyHolderEntity(kind, name: name, account: account, in: transaction.state)
            try change(&entity)
            try transaction.record(entity.mutation)
        }
    }

    /// Reads the entity a policy action names after authorizing `action` on it.
    func readPolicies(
        _ context: QueryContext, _ kind: IAMPolicyHolderKind, action: String
    ) throws(QueryError) -> IAMPolicyHolderEntity {
        let name = try context.parameters.required(kind.nameParameter)
        let account = context.principal.accountId
        let entity = try read { state throws(QueryError) in
            try IAMPolicyHolderEntity(kind, name: name, account: account, in: state)
        }
        try context.authorize(action, resource: entity.arn)
        return entity
    }

    // MARK: - Inline policies

    func putInlinePolicy(_ context: QueryContext, _ kind: IAMPolicyHolderKind) throws(QueryError) -> QueryResult {
        let policyName = try context.parameters.required("PolicyName")
        try IAMValidation.name(policyName, member: "policyName", maximum: 128)
        let document = try context.parameters.required("PolicyDocument")
        do {
            _ = try PolicyValidator.validate(document, kind: .identity)
        } catch {
            throw .malformedPolicyDocument(error.message)
        }
        try changePolicies(context, kind, action: "iam:Put\(kind.rawValue)Policy") { entity throws(QueryError) in
            var policies = entity.inlinePolicies.filter { $0.name != policyName }
            policies.append(IAMInlinePolicy(name: policyName, document: document))
            let size = policies.reduce(0) { $0 + $1.document.filter { !$0.isWhitespace }.count }
            guard size <= kind.inlineQuota else {
                throw .limitExceeded(
                    "Maximum policy size of \(kind.inlineQuota) bytes exceeded for \(kind.rawValue.lowercased()) \(entity.name)"
                )
            }
            if let index = entity.inlinePolicies.firstIndex(where: { $0.name == policyName }) {
                entity.inlinePolicies[index].document = document
            } else {
                entity.inlinePolicies.append(IAMInlinePolicy(name: policyName, document: document))
            }
        }
        return .empty
    }

    func getInlinePolicy(_ context: QueryContext, _ kind: IAMPolicyHolderKind) throws(QueryError) -> QueryResult {
        let policyName = try context.parameters.required("PolicyName")
        let entity = try readPolicies(context, kind, action: "iam:Get\(kind.rawValue)Policy")
        guard let policy = entity.inlinePolicies.first(where: { $0.name == policyName }) else {
            throw .noSuchEntity(
                "The \(kind.rawValue.lowercased()) policy with name \(policyName) cannot be found.")
        }
        return QueryResult { xml in
            xml.element(kind.nameParameter, entity.name)
            xml.element("PolicyName", policy.name)
            xml.element("PolicyDocument", IAMXML.document(policy.document))
        }
    }

    func listInlinePolicies(_ context: QueryContext, _ kind: IAMPolicyHolderKind) throws(QueryError) -> QueryResult {
        let entity = try readPolicies(context, kind, action: "iam:List\(kind.rawValue)Policies")
        let page = try IAMPage(entity.inlinePolicies.map(\.name).sorted(), parameters: context.parameters)
        return QueryResult { xml in page.write("PolicyNames", to: &xml) { $1.element("member", $0) } }
    }

    func deleteInlinePolicy(_ context: QueryContext, _ kind: IAMPolicyHolderKind) throws(QueryError) -> QueryResult {
        let policyName = try context.parameters.required("PolicyName")
        try changePolicies(context, kind, action: "iam:Delete\(kind.rawValue)Policy") { entity throws(QueryError) in
            guard entity.inlinePolicies.contains(where: { $0.name == policyName }) else {
                throw .noSuchEntity(
                    "The \(kind.rawValue.lowercased()) policy with name \(policyName) cannot be found.")
            }
            entity.inlinePolicies.removeAll { $0.name == policyName }
        }
        return .empty
    }

    // MARK: - Attachments

    func attachPolicy(_ context: QueryContext, _ kind: IAMPolicyHolderKind) throws(QueryError) -> QueryResult {
        let arn = try context.parameters.required("PolicyArn")
        let account = context.principal.accountId
        try requireAttachable(arn, account: account)
        try changePolicies(context, kind, action: "iam:Attach\(kind.rawValue)Policy") { entity throws(QueryError) in
            guard !entity.attachedPolicies.contains(arn) else { return }
            guard entity.attachedPolicies.count < 10 else {
                throw .limitExceeded(
                    "Cannot exceed quota for PoliciesPer\(kind.rawValue): 10")
            }
            entity.attachedPolicies.append(arn)
        }
        return .empty
    }

    func detachPolicy(_ context: QueryContext, _ kind: IAMPolicyHolderKind) throws(QueryError) -> QueryResult {
        let arn = try context.parameters.required("PolicyArn")
        try changePolicies(context, kind, action: "iam:Detach\(kind.rawValue)Policy") { entity throws(QueryError) in
            guard entity.attachedPolicies.contains(arn) else {
                throw .noSuchEntity("Policy \(arn) was not found.")
            }
            entity.attachedPolicies.removeAll { $0 == arn }
        }
        return .empty
    }

    func listAttachedPolicies(_ context: QueryContext, _ kind: IAMPolicyHolderKind) throws(QueryError) -> QueryResult {
        let entity = try readPolicies(context, kind, action: "iam:ListAttached\(kind.rawValue)Policies")
        let prefix = context.parameters["PathPrefix"] ?? "/"
        let attached = entity.attachedPolicies.compactMap { arn in try? policyView(arn, account: nil) }
            .filter { $0.path.hasPrefix(prefix) }
        let page = try IAMPage(attached, parameters: context.parameters)
        return QueryResult { xml in
            page.write("AttachedPolicies", to: &xml) { policy, xml in
                xml.element("member") { xml in
                    xml.element("PolicyName", policy.name)
                    xml.element("PolicyArn", policy.arn)
                }
            }
        }
    }
}
