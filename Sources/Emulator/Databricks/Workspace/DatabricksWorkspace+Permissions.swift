import Foundation

/// Object permissions (`/api/2.0/permissions/{type}/{id}`): get, set (PUT replaces), update (PATCH adds), and the
/// permission levels of each type. Principals must exist in the workspace; objects must exist.
extension DatabricksWorkspace {
    /// The object types and the levels each grants.
    static let permissionLevels: [String: [String]] = [
        "clusters": ["CAN_ATTACH_TO", "CAN_RESTART", "CAN_MANAGE"],
        "jobs": ["CAN_VIEW", "CAN_MANAGE_RUN", "IS_OWNER", "CAN_MANAGE"],
        "cluster-policies": ["CAN_USE"],
        "instance-pools": ["CAN_ATTACH_TO", "CAN_MANAGE"],
        "notebooks": ["CAN_READ", "CAN_RUN", "CAN_EDIT", "CAN_MANAGE"],
        "directories": ["CAN_READ", "CAN_RUN", "CAN_EDIT", "CAN_MANAGE"],
        "repos": ["CAN_READ", "CAN_RUN", "CAN_EDIT", "CAN_MANAGE"],
        "authorization": ["CAN_USE", "CAN_MANAGE"],
    ]

    static var permissionRoutes: [DatabricksRoute<DatabricksWorkspace>] {
        let base = "api/2.0/permissions/{type}/{id}"
        return [
            .init(.GET, base) { try $0.permissions($1) },
            .init(.PUT, base) { try $0.setPermissions($1, replace: true) },
            .init(.PATCH, base) { try $0.setPermissions($1, replace: false) },
            .init(.GET, "\(base)/permissionLevels") { workspace, call in
                let levels = try workspace.levels(of: call.parameter("type"))
                return .object([
                    "permission_levels": .array(
                        levels.map { ["permission_level": .string($0), "description": .string("Can \($0)")] })
                ])
            },
        ]
    }

    private func levels(of type: String) throws(DatabricksError) -> [String] {
        guard let levels = Self.permissionLevels[type] else {
            throw .invalidParameter("Unsupported object type for permissions: \(type)")
        }
        return levels
    }

    /// The object's key in the permissions table, after checking that it exists.
    private func permissionObject(_ call: DatabricksCall) throws(DatabricksError) -> String {
        let type = call.parameter("type")
        let id = call.parameter("id")
        _ = try levels(of: type)
        let exists: Bool
        switch type {
        case "clusters": exists = (try? cluster(id)) != nil
        case "jobs": exists = Int64(id).flatMap { try? job($0, expand: false) } != nil
        case "cluster-policies": exists = state.withLockedValue { $0.clusterPolicies.contains(id) }
        case "instance-pools": exists = state.withLockedValue { $0.instancePools.contains(id) }
        case "repos": exists = state.withLockedValue { $0.repos.contains(id) }
        case "notebooks", "directories":
            let kind = type == "notebooks" ? "NOTEBOOK" : "DIRECTORY"
            exists = state.withLockedValue { state in
                state.objects.nodes.values.contains { String($0.id) == id && $0.type == kind }
            }
        case "authorization": exists = ["tokens", "passwords"].contains(id)
        default: exists = false
        }
        guard exists else {
            throw .notFound("\(type.capitalized) \(id) does not exist.")
        }
        return "/\(type)/\(id)"
    }

    func permissions(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let object = try permissionObject(call)
        return .object(permissionsDocument(object, type: call.parameter("type")))
    }

    private func permissionsDocument(_ object: String, type: String) -> JSONObject {
        let entries = state.withLockedValue { $0.permissions[object] ?? [] }
        var list: [JSONValue] = entries.map { entry in
            var item = entry
            let level = item.removeValue(forKey: "permission_level") ?? .null
            item["all_permissions"] = [["permission_level": level, "inherited": false]]
            return .object(item)
        }
        list.append([
            "group_name": "admins",
            "all_permissions": [
                ["permission_level": .string(type == "cluster-policies" ? "CAN_USE" : "CAN_MANAGE"), "inherited": true]
            ],
        ])
        return [
            "object_id": .string(object), "object_type": .string(String(type.dropLast(type.hasSuffix("s") ? 1 : 0))),
            "access_control_list": .array(list),
        ]
    }

    func setPermissions(_ call: DatabricksCall, replace: Bool) throws(DatabricksError) -> DatabricksReply {
        try requireAdmin(call.caller)
        let object = try permissionObject(call)
        let allowed = try levels(of: call.parameter("type"))
        var entries: [JSONObject] = []
        for item in call.body["access_control_list"]?.array ?? [] {
            guard let level = item["permission_level"]?.string else { throw .missing("permission_level") }
            guard allowed.contains(level) else {
                throw .invalidParameter(
                    "Permission \(level) is not supported for \(call.parameter("type")); valid levels: \(allowed).")
            }
            var entry: JSONObject = ["permission_level": .string(level)]
            if let user = item["user_name"]?.string {
                guard scim.find(.users, user) != nil else {
                    throw .invalidParameter("Principal: UserName(\(user)) does not exist")
                }
                entry["user_name"] = .string(user)
            } else if let group = item["group_name"]?.string {
                guard scim.find(.groups, group) != nil else {
                    throw .invalidParameter("Principal: GroupName(\(group)) does not exist")
                }
                entry["group_name"] = .string(group)
            } else if let principal = item["service_principal_name"]?.string {
                guard scim.find(.servicePrincipals, principal) != nil else {
                    throw .invalidParameter("Principal: ServicePrincipalName(\(principal)) does not exist")
                }
                entry["service_principal_name"] = .string(principal)
            } else {
                throw .invalidParameter("One of user_name, group_name or service_principal_name is required.")
            }
            entries.append(entry)
        }
        state.withLockedValue { state in
            var current = replace ? [] : (state.permissions[object] ?? [])
            for entry in entries {
                current.removeAll {
                    $0["user_name"] == entry["user_name"] && $0["group_name"] == entry["group_name"]
                        && $0["service_principal_name"] == entry["service_principal_name"]
                }
                current.append(entry)
            }
            state.permissions[object] = current
        }
        return .object(permissionsDocument(object, type: call.parameter("type")))
    }
}
