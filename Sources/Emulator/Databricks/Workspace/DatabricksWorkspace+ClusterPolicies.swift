import Foundation

/// Cluster policies (`/api/2.0/policies/clusters/`): create, edit, get, list, delete. `definition` is JSON text.
extension DatabricksWorkspace {
    static var clusterPolicyRoutes: [DatabricksRoute<DatabricksWorkspace>] {
        let base = "api/2.0/policies/clusters"
        return [
            .init(.POST, "\(base)/create") { try $0.savePolicy($1, id: nil) },
            .init(.POST, "\(base)/edit") { try $0.savePolicy($1, id: $1.required("policy_id")) },
            .init(.GET, "\(base)/get") { workspace, call in
                let id = try call.required("policy_id")
                guard let policy = workspace.state.withLockedValue({ $0.clusterPolicies[id] }) else {
                    throw DatabricksError.notFound("Cluster policy \(id) does not exist.")
                }
                return .object(policy)
            },
            .init(.GET, "\(base)/list") { workspace, _ in
                let policies = workspace.state.withLockedValue { $0.clusterPolicies.values }
                return .object(["policies": .array(policies.map(JSONValue.object))])
            },
            .init(.POST, "\(base)/delete") { workspace, call in
                try workspace.requireAdmin(call.caller)
                let id = try call.required("policy_id")
                try workspace.state.withLock { state throws(DatabricksError) in
                    guard state.clusterPolicies.contains(id) else {
                        throw .notFound("Cluster policy \(id) does not exist.")
                    }
                    state.clusterPolicies[id] = nil
                }
                return .empty
            },
        ]
    }

    func savePolicy(_ call: DatabricksCall, id existing: String?) throws(DatabricksError) -> DatabricksReply {
        try requireAdmin(call.caller)
        let name = try call.required("name")
        let definition = call.string("definition") ?? "{}"
        guard case .object = (try? JSONValue.parse(Data(definition.utf8))) ?? .null else {
            throw .invalidParameter("Policy definition must be a JSON object: \(definition.prefix(80))")
        }
        if let maximum = call.int("max_clusters_per_user"), maximum <= 0 {
            throw .invalidParameter("max_clusters_per_user must be positive.")
        }
        let id = existing ?? DatabricksIdentifiers.hex(16).uppercased()
        try state.withLock { state throws(DatabricksError) in
            if state.clusterPolicies.values.contains(where: {
                $0["name"]?.string == name && $0["policy_id"]?.string != id
            }) {
                throw .invalidParameter("Cluster policy with name \(name) already exists.")
            }
            let old = state.clusterPolicies[id]
            if existing != nil, old == nil { throw .notFound("Cluster policy \(id) does not exist.") }
            var policy = call.fields([
                "description", "max_clusters_per_user", "policy_family_id",
                "policy_family_definition_overrides", "libraries",
            ])
            policy["policy_id"] = .string(id)
            policy["name"] = .string(name)
            policy["definition"] = .string(definition)
            policy["creator_user_name"] = old?["creator_user_name"] ?? .string(call.caller.name)
            policy["created_at_timestamp"] = old?["created_at_timestamp"] ?? .millis(call.now)
            policy["is_default"] = false
            state.clusterPolicies[id] = policy
        }
        return existing == nil ? .object(["policy_id": .string(id)]) : .empty
    }
}
