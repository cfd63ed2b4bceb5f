import Foundation

/// What a cluster specification must satisfy: a listed Spark version and node types, workers or autoscale, a
/// registered instance profile, and its cluster policy.
extension DatabricksWorkspace {
    func validateSpec(_ spec: JSONObject) throws(DatabricksError) {
        if let refusal = DatabricksUnsupportedFeatures.refusal(
            spec, fields: DatabricksUnsupportedFeatures.clusterFields)
        {
            throw refusal
        }
        let catalog = try account.catalog()
        guard let version = spec["spark_version"]?.string, !version.isEmpty else { throw .missing("spark_version") }
        guard catalog.sparkVersionKeys.contains(version) else {
            throw .invalidParameter("Invalid spark version \(version).")
        }
        if let pool = spec["instance_pool_id"]?.string { _ = try instancePool(pool) }
        if spec["instance_pool_id"] == nil, spec["policy_id"] == nil {
            guard let node = spec["node_type_id"]?.string else { throw .missing("node_type_id") }
            guard catalog.nodeTypeIds.contains(node) else {
                throw .invalidParameter("Node type \(node) is not supported.")
            }
        }
        if let driver = spec["driver_node_type_id"]?.string, !catalog.nodeTypeIds.contains(driver) {
            throw .invalidParameter("Node type \(driver) is not supported.")
        }
        if let workers = spec["num_workers"]?.int, workers < 0 {
            throw .invalidParameter("num_workers must be at least 0.")
        }
        if let autoscale = spec["autoscale"]?.object {
            let minimum = autoscale["min_workers"]?.int ?? -1
            let maximum = autoscale["max_workers"]?.int ?? -1
            guard minimum >= 0, maximum >= minimum, maximum > 0 else {
                throw .invalidParameter("Invalid autoscale: min_workers must be at least 0 and at most max_workers.")
            }
        } else if spec["num_workers"] == nil, spec["is_single_node"]?.bool != true {
            throw .invalidParameter("One of num_workers or autoscale must be specified.")
        }
        if let profile = spec["aws_attributes"]?["instance_profile_arn"]?.string {
            let registered = state.withLockedValue { $0.instanceProfiles.contains(profile) }
            guard registered else {
                throw .invalidParameter(
                    "Instance profile \(profile) has not been registered in this workspace; add it with "
                        + "/api/2.0/instance-profiles/add first.")
            }
        }
    }

    /// Applies the cluster's policy (fixed values, defaults when asked) and checks its rules and per-user quota.
    func applyPolicy(_ spec: inout JSONObject, caller: DatabricksCaller, existing: String?) throws(DatabricksError) {
        guard let id = spec["policy_id"]?.string else { return }
        guard let policy = state.withLockedValue({ $0.clusterPolicies[id] }) else {
            throw .invalidParameter("Cluster policy \(id) does not exist.")
        }
        let definition = try ClusterPolicyDefinition(policy["definition"]?.string ?? "{}")
        try definition.apply(to: &spec, applyDefaults: spec["apply_policy_default_values"]?.bool ?? false)
        if let maximum = policy["max_clusters_per_user"]?.int, existing == nil {
            let count = state.withLockedValue { state in
                state.clusters.values.filter {
                    !$0.permanentlyDeleted && $0.document["policy_id"]?.string == id
                        && $0.document["creator_user_name"]?.string == caller.name
                }.count
            }
            if count >= maximum {
                throw .limitExceeded(
                    "Cannot create more than \(maximum) clusters with policy \(id) for user \(caller.name).")
            }
        }
    }
}
