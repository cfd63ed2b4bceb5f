import Foundation

extension Emulator {
    /// A running Databricks workspace of the emulated account.
    public struct DatabricksWorkspace: Sendable, Equatable {
        /// The workspace id.
        public var id: Int64
        /// The workspace name.
        public var name: String
        /// The deployment name (the last segment of its URL).
        public var deploymentName: String
        /// The workspace host: `{endpoint}/_workspaces/{deploymentName}`, what databricks-sdk takes as `host`.
        public var url: URL
    }

    /// The workspaces that are running, by id (also listed by `GET /_brickyard/info`).
    public var databricksWorkspaces: [DatabricksWorkspace] {
        let account = services.databricks.account
        account.settle()
        return account.runningWorkspaces.map {
            DatabricksWorkspace(
                id: $0.id, name: $0.name, deploymentName: $0.deploymentName,
                url: URL(string: account.workspaceURL(deploymentName: $0.deploymentName))!)
        }
    }
}
