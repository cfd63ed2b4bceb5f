extension IAMService {
    private func changeUser(
        _ context: QueryContext, action: String, _ change: (inout IAMUser) throws(QueryError) -> Void
    ) throws(QueryError) {
        let name = try context.parameters.required("UserName")
        let account = context.principal.accountId
        let existing = try read { state throws(QueryError) in try self.user(name, account: account, in: state) }
        try context.authorize(action, resource: existing.arn)
        try write { transaction throws(QueryError) in
            var user = try self.user(name, account: account, in: transaction.state)
            try change(&user)
            try transaction.record(.putUser(user))
        }
    }

    func tagUser(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let tags = try IAMValidation.tags(context.parameters)
        try changeUser(context, action: "iam:TagUser") { user throws(QueryError) in
            user.tags = try Self.merging(user.tags, tags)
        }
        return .empty
    }

    func untagUser(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let keys = Set(context.parameters.list("TagKeys"))
        try changeUser(context, action: "iam:UntagUser") { $0.tags.removeAll { keys.contains($0.key) } }
        return .empty
    }

    func listUserTags(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let name = try context.parameters.required("UserName")
        let account = context.principal.accountId
        let user = try read { state throws(QueryError) in try self.user(name, account: account, in: state) }
        try context.authorize("iam:ListUserTags", resource: user.arn)
        let page = try IAMPage(user.tags, parameters: context.parameters)
        return QueryResult { xml in
            page.write("Tags", to: &xml) { tag, xml in
                xml.element("member") { xml in
                    xml.element("Key", tag.key)
                    xml.element("Value", tag.value)
                }
            }
        }
    }

    func putUserPermissionsBoundary(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let boundary = try context.parameters.required("PermissionsBoundary")
        try requireAttachable(boundary, account: context.principal.accountId)
        try changeUser(context, action: "iam:PutUserPermissionsBoundary") { $0.permissionsBoundary = boundary }
        return .empty
    }

    func deleteUserPermissionsBoundary(_ context: QueryContext) throws(QueryError) -> QueryResult {
        try changeUser(context, action: "iam:DeleteUserPermissionsBoundary") { $0.permissionsBoundary = nil }
        return .empty
    }

    func listAccountAliases(_ context: QueryContext) throws(QueryError) -> QueryResult {
        try context.authorize("iam:ListAccountAliases", resource: "*")
        return QueryResult { xml in
            xml.element("AccountAliases") { _ in }
            xml.element("IsTruncated", "false")
        }
    }
}
