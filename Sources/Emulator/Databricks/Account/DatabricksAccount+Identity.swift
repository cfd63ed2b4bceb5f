import Foundation
import NIOHTTP1

/// The account's SCIM directory and the assignment of its principals to workspaces.
extension DatabricksAccount {
    static var identityRoutes: [DatabricksRoute<DatabricksAccount>] {
        let scimBase = "api/2.0/accounts/{account_id}/scim/v2"
        var routes: [DatabricksRoute<DatabricksAccount>] = []
        for kind in SCIMResourceKind.allCases {
            for method in [HTTPMethod.GET, .POST] {
                routes.append(
                    .init(method, "\(scimBase)/\(kind.rawValue)") { account, call in
                        SCIMEndpoints(directory: account.scim).handle(kind, id: nil, call)
                    })
            }
            for method in [HTTPMethod.GET, .PUT, .PATCH, .DELETE] {
                routes.append(
                    .init(method, "\(scimBase)/\(kind.rawValue)/{id}") { account, call in
                        let reply = SCIMEndpoints(directory: account.scim).handle(kind, id: call.parameter("id"), call)
                        if call.method != .GET { account.propagate(kind, id: call.parameter("id")) }
                        return reply
                    })
            }
        }
        let assignments = "api/2.0/accounts/{account_id}/workspaces/{workspace_id}/permissionassignments"
        routes += [
            .init(.GET, assignments) { try $0.listAssignments($1) },
            .init(.GET, "\(assignments)/permissions") { account, call in
                _ = try account.workspace(call.parameter("workspace_id"))
                return .object([
                    "permissions": [
                        ["permission_level": "USER", "description": "Can use the workspace."],
                        ["permission_level": "ADMIN", "description": "Can administer the workspace."],
                    ]
                ])
            },
            .init(.PUT, "\(assignments)/principals/{principal_id}") { try $0.assign($1) },
            .init(.DELETE, "\(assignments)/principals/{principal_id}") { try $0.unassign($1) },
        ]
        return routes
    }

    /// The account principal behind an id, of any kind.
    func principal(_ id: String) -> (SCIMResourceKind, JSONObject)? {
        for kind in SCIMResourceKind.allCases {
            if let resource = scim.get(kind, id: id) { return (kind, resource) }
        }
        return nil
    }

    func listAssignments(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let workspaceId = try runningWorkspaceId(call)
        let assigned = state.withLockedValue { $0.assignments[workspaceId] ?? [:] }
        let entries: [JSONValue] = assigned.keys.sorted().map { id in
            var principal: JSONObject = ["principal_id": .int(Int64(id) ?? 0)]
            if let (kind, resource) = self.principal(id) {
                principal["display_name"] = resource["displayName"] ?? .null
                switch kind {
                case .users: principal["user_name"] = resource["userName"] ?? .null
                case .groups: principal["group_name"] = resource["displayName"] ?? .null
                case .servicePrincipals: principal["service_principal_name"] = resource["applicationId"] ?? .null
                }
            }
            return ["principal": .object(principal), "permissions": .strings(assigned[id] ?? [])]
        }
        return .object(["permission_assignments": .array(entries)])
    }

    func assign(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let workspaceId = try runningWorkspaceId(call)
        let principalId = call.parameter("principal_id")
        guard let (kind, resource) = principal(principalId) else {
            throw .notFound("Principal \(principalId) does not exist in the account.")
        }
        let permissions = call.body["permissions"]?.strings ?? []
        guard !permissions.isEmpty else { throw .missing("permissions") }
        for permission in permissions where !["USER", "ADMIN"].contains(permission) {
            throw .invalidParameter("Invalid permission: \(permission)")
        }
        state.withLockedValue { $0.assignments[workspaceId, default: [:]][principalId] = permissions }
        hosts.withLockedValue { $0[workspaceId] }?.federate(kind, resource, admin: permissions.contains("ADMIN"))
        return .object(["permissions": .strings(permissions)])
    }

    func unassign(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let workspaceId = try runningWorkspaceId(call)
        let principalId = call.parameter("principal_id")
        let removed = state.withLockedValue { $0.assignments[workspaceId]?.removeValue(forKey: principalId) != nil }
        guard removed else { throw .notFound("Principal \(principalId) is not assigned to workspace \(workspaceId).") }
        if let (kind, _) = principal(principalId) {
            hosts.withLockedValue { $0[workspaceId] }?.defederate(kind, id: principalId)
        }
        return .empty
    }

    private func runningWorkspaceId(_ call: DatabricksCall) throws(DatabricksError) -> Int64 {
        let id = call.parameter("workspace_id")
        let document = try workspace(id)
        guard document["workspace_status"]?.string == "RUNNING", let workspaceId = document["workspace_id"]?.int else {
            throw .invalidState("Workspace \(id) is not running.")
        }
        return workspaceId
    }

    /// Carries a change of an account principal to the workspaces it is assigned to.
    func propagate(_ kind: SCIMResourceKind, id: String) {
        let assignedTo = state.withLockedValue { state in
            state.assignments.filter { $0.value[id] != nil }.map { ($0.key, $0.value[id] ?? []) }
        }
        for (workspaceId, permissions) in assignedTo {
            guard let host = hosts.withLockedValue({ $0[workspaceId] }) else { continue }
            if let resource = scim.get(kind, id: id) {
                host.federate(kind, resource, admin: permissions.contains("ADMIN"))
            } else {
                host.defederate(kind, id: id)
                state.withLockedValue { _ = $0.assignments[workspaceId]?.removeValue(forKey: id) }
            }
        }
    }
}
