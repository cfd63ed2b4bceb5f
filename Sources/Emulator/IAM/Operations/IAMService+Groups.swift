import AWSWire

extension IAMService {
    func group(_ name: String, account: String, in state: IAMState) throws(QueryError) -> IAMGroup {
        guard let group = state.account(account).groups[name.lowercased()] else { throw .noSuchGroup(name) }
        return group
    }

    func createGroup(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let name = try context.parameters.required("GroupName")
        try IAMValidation.name(name, member: "groupName", maximum: 128)
        let path = context.parameters["Path"] ?? "/"
        try IAMValidation.path(path)
        let account = context.principal.accountId
        try context.authorize("iam:CreateGroup", resource: Self.arn(account, "group", path: path, name: name))
        let group = try write { transaction throws(QueryError) in
            if transaction.state.account(account).groups[name.lowercased()] != nil {
                throw .entityAlreadyExists("Group with name \(name) already exists.")
            }
            let group = IAMGroup(
                name: name, path: path, id: IAMIdentifiers.group(), accountId: account, createDate: context.now)
            try transaction.record(.putGroup(group))
            return group
        }
        return QueryResult { IAMXML.group(group, to: &$0) }
    }

    func getGroup(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let name = try context.parameters.required("GroupName")
        let account = context.principal.accountId
        let (group, members) = try read { state throws(QueryError) in
            let group = try self.group(name, account: account, in: state)
            return (group, group.members.compactMap { state.account(account).users[$0.lowercased()] })
        }
        try context.authorize("iam:GetGroup", resource: group.arn)
        let page = try IAMPage(members, parameters: context.parameters)
        return QueryResult { xml in
            IAMXML.group(group, to: &xml)
            page.write("Users", to: &xml) { IAMXML.user($0, to: &$1, element: "member") }
        }
    }

    func listGroups(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let account = context.principal.accountId
        try context.authorize(
            "iam:ListGroups",
            resource: Self.arn(account, "group", path: context.parameters["PathPrefix"] ?? "/", name: ""))
        let prefix = context.parameters["PathPrefix"] ?? "/"
        let groups = try read { state in
            state.account(account).groups.values.filter { $0.path.hasPrefix(prefix) }
                .sorted { $0.name.lowercased() < $1.name.lowercased() }
        }
        let page = try IAMPage(groups, parameters: context.parameters)
        return QueryResult { xml in page.write("Groups", to: &xml) { IAMXML.group($0, to: &$1, element: "member") } }
    }

    func listGroupsForUser(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let name = try context.parameters.required("UserName")
        let account = context.principal.accountId
        let (user, groups) = try read { state throws(QueryError) in
            let user = try self.user(name, account: account, in: state)
            let groups = state.account(account).groups.values.filter { $0.members.contains(user.name) }
            return (user, groups.sorted { $0.name.lowercased() < $1.name.lowercased() })
        }
        try context.authorize("iam:ListGroupsForUser", resource: user.arn)
        let page = try IAMPage(groups, parameters: context.parameters)
        return QueryResult { xml in page.write("Groups", to: &xml) { IAMXML.group($0, to: &$1, element: "member") } }
    }

    private func changeMembership(_ context: QueryContext, action: String, add: Bool) throws(QueryError) {
        let groupName = try context.parameters.required("GroupName")
        let userName = try context.parameters.required("UserName")
        let account = context.principal.accountId
        let existing = try read { state throws(QueryError) in try self.group(groupName, account: account, in: state) }
        try context.authorize(action, resource: existing.arn)
        try write { transaction throws(QueryError) in
            var group = try self.group(groupName, account: account, in: transaction.state)
            let user = try self.user(userName, account: account, in: transaction.state)
            if add {
                guard !group.members.contains(user.name) else { return }
                group.members.append(user.name)
            } else {
                guard group.members.contains(user.name) else {
                    throw .noSuchEntity("The user with name \(userName) cannot be found in group \(group.name).")
                }
                group.members.removeAll { $0 == user.name }
            }
            try transaction.record(.putGroup(group))
        }
    }

    func addUserToGroup(_ context: QueryContext) throws(QueryError) -> QueryResult {
        try changeMembership(context, action: "iam:AddUserToGroup", add: true)
        return .empty
    }

    func removeUserFromGroup(_ context: QueryContext) throws(QueryError) -> QueryResult {
        try changeMembership(context, action: "iam:RemoveUserFromGroup", add: false)
        return .empty
    }

    func deleteGroup(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let name = try context.parameters.required("GroupName")
        let account = context.principal.accountId
        let existing = try read { state throws(QueryError) in try self.group(name, account: account, in: state) }
        try context.authorize("iam:DeleteGroup", resource: existing.arn)
        try write { transaction throws(QueryError) in
            let group = try self.group(name, account: account, in: transaction.state)
            if !group.members.isEmpty {
                throw .deleteConflict("Cannot delete entity, must remove users from group first.")
            }
            if !group.inlinePolicies.isEmpty {
                throw .deleteConflict("Cannot delete entity, must delete policies first.")
            }
            if !group.attachedPolicies.isEmpty {
                throw .deleteConflict("Cannot delete entity, must detach all policies first.")
            }
            try transaction.record(.deleteGroup(account: account, name: group.name))
        }
        return .empty
    }
}
