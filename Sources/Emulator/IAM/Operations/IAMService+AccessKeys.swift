import AWSWire
import Foundation

extension IAMService {
    /// The user an access-key action is about: `UserName`, or the calling user.
    private func keyOwner(_ context: QueryContext) throws(QueryError) -> String {
        if let name = context.parameters["UserName"] { return name }
        guard context.principal.kind == .user, let name = context.principal.name else {
            throw .validation("Must specify userName when calling with non-User credentials")
        }
        return name
    }

    func createAccessKey(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let name = try keyOwner(context)
        let account = context.principal.accountId
        let existing = try read { state throws(QueryError) in try self.user(name, account: account, in: state) }
        try context.authorize("iam:CreateAccessKey", resource: existing.arn)
        let (key, user) = try issueAccessKey(userName: name, account: account, now: context.now)
        return QueryResult { xml in
            xml.element("AccessKey") { xml in
                xml.element("UserName", user.name)
                xml.element("AccessKeyId", key.id)
                xml.element("Status", "Active")
                xml.element("SecretAccessKey", key.secret)
                xml.element("CreateDate", IAMXML.date(key.createDate))
            }
        }
    }

    /// Creates an access key for a user (at most two per user) and makes it sign at once.
    func issueAccessKey(userName: String, account: String, now: Date) throws(QueryError) -> (IAMAccessKey, IAMUser) {
        try write { transaction throws(QueryError) in
            let user = try self.user(userName, account: account, in: transaction.state)
            let count = transaction.state.accessKeys.values.filter {
                $0.accountId == account && $0.userName == user.name
            }.count
            guard count < 2 else {
                throw .limitExceeded("Cannot exceed quota for AccessKeysPerUser: 2")
            }
            let key = IAMAccessKey(
                id: IAMIdentifiers.accessKey(), secret: IAMIdentifiers.secret(), userName: user.name,
                accountId: account, createDate: now)
            try transaction.record(.putAccessKey(key))
            credentials.add(Self.credential(key, user: user))
            return (key, user)
        }
    }

    func listAccessKeys(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let name = try keyOwner(context)
        let account = context.principal.accountId
        let user = try read { state throws(QueryError) in try self.user(name, account: account, in: state) }
        try context.authorize("iam:ListAccessKeys", resource: user.arn)
        let keys = try read { state in
            state.accessKeys.values.filter { $0.accountId == account && $0.userName == user.name }
                .sorted { $0.createDate < $1.createDate }
        }
        let page = try IAMPage(keys, parameters: context.parameters)
        return QueryResult { xml in
            page.write("AccessKeyMetadata", to: &xml) { key, xml in
                xml.element("member") { xml in
                    xml.element("UserName", key.userName)
                    xml.element("AccessKeyId", key.id)
                    xml.element("Status", key.active ? "Active" : "Inactive")
                    xml.element("CreateDate", IAMXML.date(key.createDate))
                }
            }
        }
    }

    private func accessKey(_ context: QueryContext) throws(QueryError) -> (IAMAccessKey, IAMUser) {
        let id = try context.parameters.required("AccessKeyId")
        let name = try keyOwner(context)
        let account = context.principal.accountId
        return try read { state throws(QueryError) in
            let user = try self.user(name, account: account, in: state)
            guard let key = state.accessKeys[id], key.accountId == account, key.userName == user.name else {
                throw .noSuchEntity("The Access Key with id \(id) cannot be found.")
            }
            return (key, user)
        }
    }

    func updateAccessKey(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let status = try context.parameters.required("Status")
        guard status == "Active" || status == "Inactive" else {
            throw IAMValidation.violation(status, "status", "Member must satisfy enum value set: [Active, Inactive]")
        }
        let (key, user) = try accessKey(context)
        try context.authorize("iam:UpdateAccessKey", resource: user.arn)
        var updated = key
        updated.active = status == "Active"
        try write { transaction throws(QueryError) in try transaction.record(.putAccessKey(updated)) }
        if updated.active {
            credentials.add(Self.credential(updated, user: user))
        } else {
            credentials.remove(accessKeyId: key.id)
        }
        return .empty
    }

    func deleteAccessKey(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let (key, user) = try accessKey(context)
        try context.authorize("iam:DeleteAccessKey", resource: user.arn)
        try write { transaction throws(QueryError) in try transaction.record(.deleteAccessKey(id: key.id)) }
        credentials.remove(accessKeyId: key.id)
        return .empty
    }

    func getAccessKeyLastUsed(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let id = try context.parameters.required("AccessKeyId")
        guard let key = try read({ state in state.accessKeys[id] }), key.accountId == context.principal.accountId else {
            throw .accessDenied("The access key \(id) is not in the caller's account.")
        }
        let user = try read { state throws(QueryError) in
            try self.user(key.userName, account: key.accountId, in: state)
        }
        try context.authorize("iam:GetAccessKeyLastUsed", resource: user.arn)
        return QueryResult { xml in
            xml.element("UserName", key.userName)
            xml.element("AccessKeyLastUsed") { xml in
                xml.element("ServiceName", "N/A")
                xml.element("Region", "N/A")
            }
        }
    }
}
