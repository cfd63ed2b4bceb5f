import Foundation

/// A cluster and its place in the lifecycle PENDING -> RUNNING -> (RESTARTING | RESIZING) -> TERMINATING ->
/// TERMINATED, on the emulator's clock.
struct ClusterRecord: Sendable, Codable {
    var document: JSONObject
    /// A state the cluster moves to at a time.
    struct Transition: Sendable, Codable {
        var state: String
        var at: Date
    }

    /// The state the cluster moves to next, and when.
    var next: Transition?
    /// When the current RUNNING span started (for usage and auto-termination).
    var runningSince: Date?
    /// The last time a run used the cluster.
    var lastActivity: Date
    /// Removed by permanent-delete once terminated.
    var permanentlyDeleted = false
    /// A RUNNING span that ended and is not yet recorded as usage.
    var pendingUsage: ClusterUsage?

    var id: String { document["cluster_id"]?.string ?? "" }
    var state: String { document["state"]?.string ?? "" }
    var workers: Int {
        Int(document["num_workers"]?.int ?? document["autoscale"]?["min_workers"]?.int ?? 0)
    }

    mutating func set(_ state: String, message: String) {
        document["state"] = .string(state)
        document["state_message"] = .string(message)
    }
}

extension ClusterRecord {
    /// The fields a create or edit request sets.
    static let specFields = [
        "cluster_name", "spark_version", "node_type_id", "driver_node_type_id", "num_workers", "autoscale",
        "spark_conf", "aws_attributes", "custom_tags", "spark_env_vars", "autotermination_minutes",
        "enable_elastic_disk", "instance_pool_id", "driver_instance_pool_id", "policy_id",
        "apply_policy_default_values", "data_security_mode", "single_user_name", "runtime_engine", "init_scripts",
        "cluster_log_conf", "ssh_public_keys", "enable_local_disk_encryption", "docker_image", "kind",
        "use_ml_runtime", "is_single_node", "workload_type", "idempotency_token",
    ]
}
