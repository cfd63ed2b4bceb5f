import AWSWire
import Foundation

extension IAMService {
    /// The ARN a new or named entity of an account has, for authorization before it exists.
    static func arn(_ account: String, _ type: String, path: String = "/", name: String) -> String {
        "arn:aws:iam::\(account):\(type)\(path)\(name)"
    }

    func user(_ name: String, account: String, in state: IAMState) throws(QueryError) -> IAMUser {
        guard let user = state.account(account).users[name.lowercased()] else { throw .noSuchUser(name) }
        return user
    }

    func createUser(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let name = try context.parameters.required("UserName")
        try IAMValidation.name(name, member: "userName", maximum: 64)
        let path = context.parameters["Path"] ?? "/"
        try IAMValidation.path(path)
        let tags = try IAMValidation.tags(context.parameters)
        let boundary = context.parameters["PermissionsBoundary"]
        let account = context.principal.accountId
        try context.authorize("iam:CreateUser", resource: Self.arn(account, "user", path: path, name: name))
        if let boundary { try requireAttachable(boundary, account: account) }
        let user = try write { transaction throws(QueryError) in
            if transaction.state.account(account).users[name.lowercased()] != nil {
                throw .entityAlreadyExists("User with name \(name) already exists.")
            }
            let user = IAMUser(
                name: name, path: path, id: IAMIdentifiers.user(), accountId: account, createDate: context.now,
                tags: tags, permissionsBoundary: boundary)
            try transaction.record(.putUser(user))
            return user
        }
        return QueryResult { IAMXML.user(user, to: &$0) }
    }

    func getUser(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let account = context.principal.accountId
        guard let name = context.parameters["UserName"] else {
            // Without a name: the caller itself (for the root user, IAM describes the account's root).
            switch context.principal.kind {
            case .root:
                let root = context.principal
                return QueryResult { xml in
                    xml.element("User") { xml in
                        xml.element("UserId", root.accountId)
                        xml.element("Arn", root.arn)
                        xml.element("CreateDate", IAMXML.date(Date(timeIntervalSince1970: 1_600_000_000)))
                    }
                }
            case .user:
                try context.authorize("iam:GetUser", resource: context.principal.arn)
                let user = try read { state throws(QueryError) in
                    try self.user(context.principal.name ?? "", account: account, in: state)
                }
                return QueryResult { IAMXML.user(user, to: &$0) }
            default:
                throw .validation("Must specify userName when calling with non-User credentials")
            }
        }
        let user = try read { state throws(QueryError) in try self.user(name, account: account, in: state) }
        try context.authorize("iam:GetUser", resource: user.arn)
        return QueryResult { IAMXML.user(user, to: &$0) }
    }

    func listUsers(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let account = context.principal.accountId
        try context.authorize(
            "iam:ListUsers",
            resource: Self.arn(account, "user", path: context.parameters["PathPrefix"] ?? "/", name: ""))
        let prefix = context.parameters["PathPrefix"] ?? "/"
        let users = try read { state in
            state.account(account).users.values.filter { $0.path.hasPrefix(prefix) }
                .sorted { $0.name.lowercased() < $1.name.lowercased() }
        }
        let page = try IAMPage(users, parameters: context.parameters)
        return QueryResult { xml in page.write("Users", to: &xml) { IAMXML.user($0, to: &$1, element: "member") } }
    }

    func updateUser(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let name = try context.parameters.required("UserName")
        let newName = context.parameters["NewUserName"]
        let newPath = context.parameters["NewPath"]
        if let newName { try IAMValidation.name(newName, member: "newUserName", maximum: 64) }
        if let newPath { try IAMValidation.path(newPath, member: "newPath") }
        let account = context.principal.accountId
        let existing = try read { state throws(QueryError) in try self.user(name, account: account, in: state) }
        try context.authorize("iam:UpdateUser", resource: existing.arn)
        try write { transaction throws(QueryError) in
            var user = try self.user(name, account: account, in: transaction.state)
            if let newName, newName.lowercased() != name.lowercased(),
                transaction.state.account(account).users[newName.lowercased()] != nil
            {
                throw .entityAlreadyExists("User with name \(newName) already exists.")
            }
            let oldName = user.name
            user.name = newName ?? user.name
            user.path = newPath ?? user.path
            try transaction.record(.deleteUser(account: account, name: oldName))
            try transaction.record(.putUser(user))
            for group in transaction.state.account(account).groups.values where group.members.contains(oldName) {
                var renamed = group
                renamed.members = group.members.map { $0 == oldName ? user.name : $0 }
                try transaction.record(.putGroup(renamed))
            }
            for key in transaction.state.accessKeys.values where key.accountId == account && key.userName == oldName {
                var renamed = key
                renamed.userName = user.name
                try transaction.record(.putAccessKey(renamed))
                if key.active { credentials.add(Self.credential(renamed, user: user)) }
            }
        }
        return .empty
    }

    func deleteUser(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let name = try context.parameters.required("UserName")
        let account = context.principal.accountId
        let existing = try read { state throws(QueryError) in try self.user(name, account: account, in: state) }
        try context.authorize("iam:DeleteUser", resource: existing.arn)
        try write { transaction throws(QueryError) in
            let user = try self.user(name, account: account, in: transaction.state)
            let state = transaction.state
            if !user.inlinePolicies.isEmpty {
                throw .deleteConflict("Cannot delete entity, must delete policies first.")
            }
            if !user.attachedPolicies.isEmpty {
                throw .deleteConflict("Cannot delete entity, must detach all policies first.")
            }
            if state.accessKeys.values.contains(where: { $0.accountId == account && $0.userName == user.name }) {
                throw .deleteConflict("Cannot delete entity, must delete access keys first.")
            }
            if state.account(account).groups.values.contains(where: { $0.members.contains(user.name) }) {
                throw .deleteConflict("Cannot delete entity, must remove users from group first.")
            }
            try transaction.record(.deleteUser(account: account, name: user.name))
        }
        return .empty
    }
}
