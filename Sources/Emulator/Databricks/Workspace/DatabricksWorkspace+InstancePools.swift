import Foundation

/// Instance pools (`/api/2.0/instance-pools`): create, get, list, edit, delete. Clusters may draw on them.
extension DatabricksWorkspace {
    static var instancePoolRoutes: [DatabricksRoute<DatabricksWorkspace>] {
        let base = "api/2.0/instance-pools"
        return [
            .init(.POST, "\(base)/create") { try $0.saveInstancePool($1, id: nil) },
            .init(.POST, "\(base)/edit") { try $0.saveInstancePool($1, id: $1.required("instance_pool_id")) },
            .init(.GET, "\(base)/get") { workspace, call in
                .object(try workspace.instancePool(try call.required("instance_pool_id")))
            },
            .init(.GET, "\(base)/list") { workspace, _ in
                let pools = workspace.state.withLockedValue { $0.instancePools.values }
                return pools.isEmpty ? .empty : .object(["instance_pools": .array(pools.map(JSONValue.object))])
            },
            .init(.POST, "\(base)/delete") { workspace, call in
                let id = try call.required("instance_pool_id")
                _ = try workspace.instancePool(id)
                workspace.state.withLockedValue { $0.instancePools[id] = nil }
                return .empty
            },
        ]
    }

    func instancePool(_ id: String) throws(DatabricksError) -> JSONObject {
        guard let pool = state.withLockedValue({ $0.instancePools[id] }) else {
            throw .invalidParameter("Instance pool \(id) does not exist.")
        }
        return pool
    }

    func saveInstancePool(_ call: DatabricksCall, id existing: String?) throws(DatabricksError) -> DatabricksReply {
        let name = try call.required("instance_pool_name")
        let nodeType = try call.required("node_type_id")
        guard try account.catalog().nodeTypeIds.contains(nodeType) else {
            throw .invalidParameter("Node type \(nodeType) is not supported.")
        }
        let minimum = call.int("min_idle_instances") ?? 0
        if let maximum = call.int("max_capacity"), maximum < minimum {
            throw .invalidParameter("max_capacity must be at least min_idle_instances.")
        }
        if let existing { _ = try instancePool(existing) }
        let id =
            existing
            ?? "\(DatabricksIdentifiers.hex(4))-\(DatabricksIdentifiers.hex(6))-\(name.prefix(8))-pool-\(DatabricksIdentifiers.hex(8))"
        var pool = call.fields([
            "min_idle_instances", "max_capacity", "idle_instance_autotermination_minutes", "aws_attributes",
            "custom_tags", "enable_elastic_disk", "disk_spec", "preloaded_spark_versions",
        ])
        pool["instance_pool_id"] = .string(id)
        pool["instance_pool_name"] = .string(name)
        pool["node_type_id"] = .string(nodeType)
        pool["state"] = "ACTIVE"
        pool["default_tags"] = ["Vendor": "Databricks", "DatabricksInstancePoolId": .string(id)]
        pool["stats"] = [
            "used_count": 0, "idle_count": .int(minimum), "pending_used_count": 0, "pending_idle_count": 0,
        ]
        let stored = pool
        state.withLockedValue { $0.instancePools[id] = stored }
        return existing == nil ? .object(["instance_pool_id": .string(id)]) : .empty
    }
}
