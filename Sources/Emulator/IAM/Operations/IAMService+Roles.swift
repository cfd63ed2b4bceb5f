import AWSWire
import Foundation
import PolicyEngine

extension IAMService {
    func role(_ name: String, account: String, in state: IAMState) throws(QueryError) -> IAMRole {
        guard let role = state.account(account).roles[name.lowercased()] else { throw .noSuchRole(name) }
        return role
    }

    /// Validates a trust policy as IAM does (`MalformedPolicyDocument` with IAM's message).
    static func validateTrustPolicy(_ text: String) throws(QueryError) {
        try IAMValidation.length(text, member: "assumeRolePolicyDocument", minimum: 1, maximum: 131_072)
        do {
            _ = try PolicyValidator.validate(text, kind: .trust)
        } catch {
            throw .malformedPolicyDocument(error.message)
        }
    }

    static func maxSessionDuration(_ parameters: QueryParameters) throws(QueryError) -> Int? {
        guard let value = try parameters.integer("MaxSessionDuration") else { return nil }
        guard (3600...43_200).contains(value) else {
            throw IAMValidation.violation(
                String(value), "maxSessionDuration",
                "Member must have value \(value < 3600 ? "greater than or equal to 3600" : "less than or equal to 43200")"
            )
        }
        return value
    }

    func createRole(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let parameters = context.parameters
        let name = try parameters.required("RoleName")
        try IAMValidation.name(name, member: "roleName", maximum: 64)
        let trust = try parameters.required("AssumeRolePolicyDocument")
        let path = parameters["Path"] ?? "/"
        try IAMValidation.path(path)
        let description = parameters["Description"]
        if let description { try IAMValidation.length(description, member: "description", minimum: 0, maximum: 1000) }
        let maxSession = try Self.maxSessionDuration(parameters) ?? 3600
        let tags = try IAMValidation.tags(parameters)
        let boundary = parameters["PermissionsBoundary"]
        try Self.validateTrustPolicy(trust)
        let account = context.principal.accountId
        try context.authorize("iam:CreateRole", resource: Self.arn(account, "role", path: path, name: name))
        if let boundary { try requireAttachable(boundary, account: account) }
        let role = try write { transaction throws(QueryError) in
            if transaction.state.account(account).roles[name.lowercased()] != nil {
                throw .entityAlreadyExists("Role with name \(name) already exists.")
            }
            let role = IAMRole(
                name: name, path: path, id: IAMIdentifiers.role(), accountId: account, createDate: context.now,
                trustPolicy: trust, description: description, maxSessionDuration: maxSession, tags: tags,
                permissionsBoundary: boundary)
            try transaction.record(.putRole(role))
            return role
        }
        return QueryResult { IAMXML.role(role, to: &$0) }
    }

    func getRole(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let name = try context.parameters.required("RoleName")
        let account = context.principal.accountId
        let role = try read { state throws(QueryError) in try self.role(name, account: account, in: state) }
        try context.authorize("iam:GetRole", resource: role.arn)
        return QueryResult { IAMXML.role(role, to: &$0) }
    }

    func listRoles(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let account = context.principal.accountId
        try context.authorize(
            "iam:ListRoles",
            resource: Self.arn(account, "role", path: context.parameters["PathPrefix"] ?? "/", name: ""))
        let prefix = context.parameters["PathPrefix"] ?? "/"
        let roles = try read { state in
            state.account(account).roles.values.filter { $0.path.hasPrefix(prefix) }
                .sorted { $0.name.lowercased() < $1.name.lowercased() }
        }
        let page = try IAMPage(roles, parameters: context.parameters)
        return QueryResult { xml in
            page.write("Roles", to: &xml) { IAMXML.role($0, to: &$1, element: "member", details: false) }
        }
    }

    /// Changes a role inside a transaction, after authorizing `action` on it.
    func updateRole(
        _ context: QueryContext, action: String, _ change: (inout IAMRole) throws(QueryError) -> Void
    ) throws(QueryError) {
        let name = try context.parameters.required("RoleName")
        let account = context.principal.accountId
        let existing = try read { state throws(QueryError) in try self.role(name, account: account, in: state) }
        try context.authorize(action, resource: existing.arn)
        try write { transaction throws(QueryError) in
            var role = try self.role(name, account: account, in: transaction.state)
            try change(&role)
            try transaction.record(.putRole(role))
        }
    }

    func updateRole(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let description = context.parameters["Description"]
        let maxSession = try Self.maxSessionDuration(context.parameters)
        try updateRole(context, action: "iam:UpdateRole") { role in
            if let description { role.description = description }
            if let maxSession { role.maxSessionDuration = maxSession }
        }
        return QueryResult { _ in }  // an empty <UpdateRoleResult/>, as IAM answers
    }

    func updateRoleDescription(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let description = try context.parameters.required("Description")
        var updated: IAMRole?
        try updateRole(context, action: "iam:UpdateRoleDescription") { role in
            role.description = description
            updated = role
        }
        let role = updated!
        return QueryResult { IAMXML.role(role, to: &$0) }
    }

    func updateAssumeRolePolicy(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let document = try context.parameters.required("PolicyDocument")
        try Self.validateTrustPolicy(document)
        try updateRole(context, action: "iam:UpdateAssumeRolePolicy") { $0.trustPolicy = document }
        return .empty
    }

    func deleteRole(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let name = try context.parameters.required("RoleName")
        let account = context.principal.accountId
        let existing = try read { state throws(QueryError) in try self.role(name, account: account, in: state) }
        try context.authorize("iam:DeleteRole", resource: existing.arn)
        try write { transaction throws(QueryError) in
            let role = try self.role(name, account: account, in: transaction.state)
            if transaction.state.account(account).instanceProfiles.values.contains(where: {
                $0.roleNames.contains(role.name)
            }) {
                throw .deleteConflict("Cannot delete entity, must remove roles from instance profile first.")
            }
            if !role.inlinePolicies.isEmpty {
                throw .deleteConflict("Cannot delete entity, must delete policies first.")
            }
            if !role.attachedPolicies.isEmpty {
                throw .deleteConflict("Cannot delete entity, must detach all policies first.")
            }
            try transaction.record(.deleteRole(account: account, name: role.name))
        }
        return .empty
    }

    func putRolePermissionsBoundary(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let boundary = try context.parameters.required("PermissionsBoundary")
        try requireAttachable(boundary, account: context.principal.accountId)
        try updateRole(context, action: "iam:PutRolePermissionsBoundary") { $0.permissionsBoundary = boundary }
        return .empty
    }

    func deleteRolePermissionsBoundary(_ context: QueryContext) throws(QueryError) -> QueryResult {
        try updateRole(context, action: "iam:DeleteRolePermissionsBoundary") { $0.permissionsBoundary = nil }
        return .empty
    }

    func tagRole(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let tags = try IAMValidation.tags(context.parameters)
        try updateRole(context, action: "iam:TagRole") { role throws(QueryError) in
            role.tags = try Self.merging(role.tags, tags)
        }
        return .empty
    }

    func untagRole(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let keys = Set(context.parameters.list("TagKeys"))
        try updateRole(context, action: "iam:UntagRole") { $0.tags.removeAll { keys.contains($0.key) } }
        return .empty
    }

    func listRoleTags(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let name = try context.parameters.required("RoleName")
        let account = context.principal.accountId
        let role = try read { state throws(QueryError) in try self.role(name, account: account, in: state) }
        try context.authorize("iam:ListRoleTags", resource: role.arn)
        let page = try IAMPage(role.tags, parameters: context.parameters)
        return QueryResult { xml in
            page.write("Tags", to: &xml) { tag, xml in
                xml.element("member") { xml in
                    xml.element("Key", tag.key)
                    xml.element("Value", tag.value)
                }
            }
        }
    }

    /// Tags with new values replacing old ones of the same key; at most 50.
    static func merging(_ tags: [IAMTag], _ new: [IAMTag]) throws(QueryError) -> [IAMTag] {
        var merged = tags
        for tag in new {
            if let index = merged.firstIndex(where: { $0.key == tag.key }) {
                merged[index] = tag
            } else {
                merged.append(tag)
            }
        }
        guard merged.count <= 50 else { throw .limitExceeded("The number of tags has reached the maximum limit.") }
        return merged
    }
}
