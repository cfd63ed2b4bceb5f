/// Everything the Databricks emulation keeps across restarts: the account, its directory and tokens, and every
/// workspace's state.
struct DatabricksSnapshot: Sendable, Codable {
    struct Workspace: Sendable, Codable {
        var id: Int64
        var deploymentName: String
        var name: String
        var region: String
        var state: WorkspaceState
        var directory: [SCIMResourceKind: DatabricksTable<JSONObject>]
    }

    var version = 1
    var account: AccountState
    var directory: [SCIMResourceKind: DatabricksTable<JSONObject>]
    var tokens: [String: DatabricksToken]
    var workspaces: [Workspace]
}
