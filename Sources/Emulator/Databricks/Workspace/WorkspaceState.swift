import Foundation

/// Everything inside one workspace; two workspaces share nothing.
struct WorkspaceState: Sendable, Codable {
    var clusters = DatabricksTable<ClusterRecord>()
    var clusterEvents: [String: [JSONObject]] = [:]
    var instanceProfiles = DatabricksTable<JSONObject>()
    var secretScopes = DatabricksTable<SecretScope>()
    var objects = WorkspaceTree()
    var jobs = DatabricksTable<JSONObject>()
    var runs = DatabricksTable<RunRecord>()
    var nextJobId: Int64 = 1
    var nextRunId: Int64 = 1
    var repos = DatabricksTable<JSONObject>()
    var clusterPolicies = DatabricksTable<JSONObject>()
    var dbfs = DBFSTree()
    var instancePools = DatabricksTable<JSONObject>()
    /// Object (`/clusters/<id>`) -> its access control entries.
    var permissions: [String: [JSONObject]] = [:]
    /// Cluster id -> the libraries installed on it.
    var libraries: [String: [JSONValue]] = [:]
    /// Cluster usage already ended (for billable usage): cluster id, node type, workers, from, to.
    var usage: [ClusterUsage] = []
}

/// A span of time a cluster ran.
struct ClusterUsage: Sendable, Codable {
    var clusterId: String
    var clusterName: String
    var nodeType: String
    var nodes: Int
    var from: Date
    var to: Date
}
