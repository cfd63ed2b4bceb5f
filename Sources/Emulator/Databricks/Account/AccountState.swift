import Foundation

/// Everything of one Databricks account: its configurations, its workspaces and their assignments.
struct AccountState: Sendable, Codable {
    var credentials = DatabricksTable<JSONObject>()
    var storageConfigurations = DatabricksTable<JSONObject>()
    var networks = DatabricksTable<JSONObject>()
    var customerManagedKeys = DatabricksTable<JSONObject>()
    var privateAccessSettings = DatabricksTable<JSONObject>()
    var vpcEndpoints = DatabricksTable<JSONObject>()
    var logDeliveries = DatabricksTable<LogDeliveryRecord>()
    var workspaces = DatabricksTable<WorkspaceRecord>()
    /// Workspace id -> principal id -> permissions (`USER`, `ADMIN`).
    var assignments: [Int64: [String: [String]]] = [:]

    /// The workspaces (not being deleted) that reference a configuration id in a field.
    func workspaces(using id: String, field: String) -> [Int64] {
        workspaces.values.filter { $0.deletedAt == nil && $0.document[field]?.string == id }.map(\.workspaceId)
    }
}

/// A workspace and where it is in its lifecycle.
struct WorkspaceRecord: Sendable, Codable {
    /// What GET answers.
    var document: JSONObject
    /// When PROVISIONING ends (RUNNING or FAILED).
    var readyAt: Date
    /// When DELETE was called; GET answers 404 after the deletion time.
    var deletedAt: Date?

    var workspaceId: Int64 { document["workspace_id"]?.int ?? 0 }
    var status: String { document["workspace_status"]?.string ?? "" }
    var deploymentName: String { document["deployment_name"]?.string ?? "" }
}

/// A log delivery configuration and when it next delivers.
struct LogDeliveryRecord: Sendable, Codable {
    var document: JSONObject
    var nextDelivery: Date
    /// The audit events and usage already delivered up to this time.
    var deliveredUntil: Date
}
