import PolicyEngine

extension IAMService: IdentityDirectory {
    func identityPolicies(of principal: AWSPrincipal) -> [NamedPolicy] {
        (try? read { state in policies(of: principal, in: state) }) ?? []
    }

    /// The identity policies of a principal (see ``IdentityDirectory/identityPolicies(of:)``).
    func policies(of principal: AWSPrincipal, in state: IAMState) -> [NamedPolicy] {
        let account = state.account(principal.accountId)
        var holders: [(arn: String, inline: [IAMInlinePolicy], attached: [String])] = []
        switch principal.kind {
        case .user:
            guard let name = principal.name, let user = account.users[name.lowercased()] else { return [] }
            holders.append((user.arn, user.inlinePolicies, user.attachedPolicies))
            for group in account.groups.values.sorted(by: { $0.name < $1.name }) where group.members.contains(user.name)
            {
                holders.append((group.arn, group.inlinePolicies, group.attachedPolicies))
            }
        case .assumedRole:
            guard let role = roleEntity(principal.roleArn, in: state) else { return [] }
            holders.append((role.arn, role.inlinePolicies, role.attachedPolicies))
        case .root, .federatedUser, .anonymous:
            return []
        }
        var policies: [NamedPolicy] = []
        for holder in holders {
            for inline in holder.inline {
                if let document = documents.document(inline.document) {
                    policies.append(NamedPolicy(name: "\(holder.arn) inline policy \(inline.name)", document: document))
                }
            }
            for arn in holder.attached {
                if let document = managedDocument(arn, in: state) {
                    policies.append(NamedPolicy(name: arn, document: document))
                }
            }
        }
        return policies
    }

    func permissionsBoundary(of principal: AWSPrincipal) -> NamedPolicy? {
        try? read { state in
            let account = state.account(principal.accountId)
            let arn: String? =
                switch principal.kind {
                case .user: principal.name.flatMap { account.users[$0.lowercased()]?.permissionsBoundary }
                case .assumedRole: roleEntity(principal.roleArn, in: state)?.permissionsBoundary
                default: nil
                }
            guard let arn, let document = managedDocument(arn, in: state) else { return nil }
            return NamedPolicy(name: arn, document: document)
        }
    }

    func tags(of principal: AWSPrincipal) -> [String: String] {
        let tags: [IAMTag] =
            (try? read { state in
                switch principal.kind {
                case .user:
                    principal.name.flatMap { state.account(principal.accountId).users[$0.lowercased()]?.tags } ?? []
                case .assumedRole: roleEntity(principal.roleArn, in: state)?.tags ?? []
                default: []
                }
            }) ?? []
        return Dictionary(tags.map { ($0.key, $0.value) }) { _, last in last }
    }

    func role(arn: String) -> IAMRoleDescription? {
        try? read { state in
            guard let role = roleEntity(arn, in: state), role.arn == arn,
                let trust = documents.document(role.trustPolicy, kind: .trust)
            else { return nil }
            return IAMRoleDescription(
                name: role.name, path: role.path, roleId: role.id, arn: role.arn, accountId: role.accountId,
                trustPolicy: trust, maxSessionDuration: role.maxSessionDuration,
                tags: Dictionary(role.tags.map { ($0.key, $0.value) }) { _, last in last })
        }
    }

    func instanceProfile(arn: String) -> IAMInstanceProfileDescription? {
        guard let parsed = ARN(arn), parsed.resource.hasPrefix("instance-profile/") else { return nil }
        let name = String(parsed.resource.split(separator: "/").last ?? "")
        return try? read { state in
            guard let profile = state.account(parsed.account).instanceProfiles[name.lowercased()], profile.arn == arn
            else { return nil }
            let roles = profile.roleNames.compactMap { state.account(profile.accountId).roles[$0.lowercased()]?.arn }
            return IAMInstanceProfileDescription(
                name: profile.name, arn: profile.arn, accountId: profile.accountId, roleArns: roles)
        }
    }

    func managedPolicyDocument(arn: String) -> PolicyDocument? {
        try? read { state in managedDocument(arn, in: state) }
    }

    // MARK: - Lookups

    func managedDocument(_ arn: String, in state: IAMState) -> PolicyDocument? {
        if let record = awsManaged[arn] { return documents.document(record.document) }
        guard let parsed = ARN(arn), let policy = state.account(parsed.account).policies[arn] else { return nil }
        return documents.document(policy.defaultDocument)
    }

    /// A role by ARN (its name is the ARN's last path segment).
    func roleEntity(_ arn: String?, in state: IAMState) -> IAMRole? {
        guard let arn, let parsed = ARN(arn), parsed.resource.hasPrefix("role/") else { return nil }
        let name = String(parsed.resource.split(separator: "/").last ?? "")
        return state.account(parsed.account).roles[name.lowercased()]
    }
}
