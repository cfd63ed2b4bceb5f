import AWSWire
import PolicyEngine

extension IAMService {
    func instanceProfile(_ name: String, account: String, in state: IAMState) throws(QueryError) -> IAMInstanceProfile {
        guard let profile = state.account(account).instanceProfiles[name.lowercased()] else {
            throw .noSuchInstanceProfile(name)
        }
        return profile
    }

    private func roles(of profile: IAMInstanceProfile, in state: IAMState) -> [IAMRole] {
        profile.roleNames.compactMap { state.account(profile.accountId).roles[$0.lowercased()] }
    }

    func createInstanceProfile(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let name = try context.parameters.required("InstanceProfileName")
        try IAMValidation.name(name, member: "instanceProfileName", maximum: 128)
        let path = context.parameters["Path"] ?? "/"
        try IAMValidation.path(path)
        let tags = try IAMValidation.tags(context.parameters)
        let account = context.principal.accountId
        try context.authorize(
            "iam:CreateInstanceProfile", resource: Self.arn(account, "instance-profile", path: path, name: name))
        let profile = try write { transaction throws(QueryError) in
            if transaction.state.account(account).instanceProfiles[name.lowercased()] != nil {
                throw .entityAlreadyExists("Instance Profile \(name) already exists.")
            }
            let profile = IAMInstanceProfile(
                name: name, path: path, id: IAMIdentifiers.instanceProfile(), accountId: account,
                createDate: context.now, tags: tags)
            try transaction.record(.putInstanceProfile(profile))
            return profile
        }
        return QueryResult { IAMXML.instanceProfile(profile, roles: [], to: &$0) }
    }

    func getInstanceProfile(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let name = try context.parameters.required("InstanceProfileName")
        let account = context.principal.accountId
        let (profile, roles) = try read { state throws(QueryError) in
            let profile = try self.instanceProfile(name, account: account, in: state)
            return (profile, self.roles(of: profile, in: state))
        }
        try context.authorize("iam:GetInstanceProfile", resource: profile.arn)
        return QueryResult { IAMXML.instanceProfile(profile, roles: roles, to: &$0) }
    }

    func listInstanceProfiles(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let account = context.principal.accountId
        try context.authorize(
            "iam:ListInstanceProfiles",
            resource: Self.arn(account, "instance-profile", path: context.parameters["PathPrefix"] ?? "/", name: ""))
        let prefix = context.parameters["PathPrefix"] ?? "/"
        let profiles = try read { state in
            state.account(account).instanceProfiles.values.filter { $0.path.hasPrefix(prefix) }
                .sorted { $0.name.lowercased() < $1.name.lowercased() }.map { ($0, self.roles(of: $0, in: state)) }
        }
        let page = try IAMPage(profiles, parameters: context.parameters)
        return QueryResult { xml in
            page.write("InstanceProfiles", to: &xml) {
                IAMXML.instanceProfile($0.0, roles: $0.1, to: &$1, element: "member")
            }
        }
    }

    func listInstanceProfilesForRole(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let name = try context.parameters.required("RoleName")
        let account = context.principal.accountId
        let (role, profiles) = try read { state throws(QueryError) in
            let role = try self.role(name, account: account, in: state)
            let profiles = state.account(account).instanceProfiles.values.filter { $0.roleNames.contains(role.name) }
                .sorted { $0.name.lowercased() < $1.name.lowercased() }.map { ($0, self.roles(of: $0, in: state)) }
            return (role, profiles)
        }
        try context.authorize("iam:ListInstanceProfilesForRole", resource: role.arn)
        let page = try IAMPage(profiles, parameters: context.parameters)
        return QueryResult { xml in
            page.write("InstanceProfiles", to: &xml) {
                IAMXML.instanceProfile($0.0, roles: $0.1, to: &$1, element: "member")
            }
        }
    }

    /// `AddRoleToInstanceProfile`: hands the role to whatever uses the profile, so the caller must also be allowed
    /// `iam:PassRole` on the role (with `iam:PassedToService` `ec2.amazonaws.com`).
    func addRoleToInstanceProfile(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let profileName = try context.parameters.required("InstanceProfileName")
        let roleName = try context.parameters.required("RoleName")
        let account = context.principal.accountId
        let (profile, role) = try read { state throws(QueryError) in
            (
                try self.instanceProfile(profileName, account: account, in: state),
                try self.role(roleName, account: account, in: state)
            )
        }
        try context.authorize("iam:AddRoleToInstanceProfile", resource: profile.arn)
        try context.authorize(
            "iam:PassRole", resource: role.arn, keys: ["iam:PassedToService": "ec2.amazonaws.com"])
        try write { transaction throws(QueryError) in
            var profile = try self.instanceProfile(profileName, account: account, in: transaction.state)
            if profile.roleNames.contains(role.name) {
                throw .limitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1")
            }
            guard profile.roleNames.isEmpty else {
                throw .limitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1")
            }
            profile.roleNames.append(role.name)
            try transaction.record(.putInstanceProfile(profile))
        }
        return .empty
    }

    func removeRoleFromInstanceProfile(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let profileName = try context.parameters.required("InstanceProfileName")
        let roleName = try context.parameters.required("RoleName")
        let account = context.principal.accountId
        let profile = try read { state throws(QueryError) in
            try self.instanceProfile(profileName, account: account, in: state)
        }
        try context.authorize("iam:RemoveRoleFromInstanceProfile", resource: profile.arn)
        try write { transaction throws(QueryError) in
            var profile = try self.instanceProfile(profileName, account: account, in: transaction.state)
            _ = try self.role(roleName, account: account, in: transaction.state)
            guard profile.roleNames.contains(where: { $0.lowercased() == roleName.lowercased() }) else {
                throw .noSuchEntity(
                    "The role with name \(roleName) cannot be found in instance profile \(profile.name).")
            }
            profile.roleNames.removeAll { $0.lowercased() == roleName.lowercased() }
            try transaction.record(.putInstanceProfile(profile))
        }
        return .empty
    }

    func deleteInstanceProfile(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let name = try context.parameters.required("InstanceProfileName")
        let account = context.principal.accountId
        let existing = try read { state throws(QueryError) in
            try self.instanceProfile(name, account: account, in: state)
        }
        try context.authorize("iam:DeleteInstanceProfile", resource: existing.arn)
        try write { transaction throws(QueryError) in
            let profile = try self.instanceProfile(name, account: account, in: transaction.state)
            guard profile.roleNames.isEmpty else {
                throw .deleteConflict("Cannot delete entity, must remove roles from instance profile first.")
            }
            try transaction.record(.deleteInstanceProfile(account: account, name: profile.name))
        }
        return .empty
    }
}
