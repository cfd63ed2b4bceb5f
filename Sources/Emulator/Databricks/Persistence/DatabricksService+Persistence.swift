import Foundation

/// Taking and restoring snapshots of the whole Databricks state.
extension DatabricksService {
    func snapshot() -> DatabricksSnapshot {
        let workspaces = account.runningWorkspaces.map { workspace in
            DatabricksSnapshot.Workspace(
                id: workspace.id, deploymentName: workspace.deploymentName, name: workspace.name,
                region: workspace.region, state: workspace.state.withLockedValue { $0 },
                directory: workspace.scim.snapshot())
        }
        return DatabricksSnapshot(
            account: account.state.withLockedValue { $0 }, directory: account.scim.snapshot(),
            tokens: tokens.snapshot(), workspaces: workspaces)
    }

    func restore(_ snapshot: DatabricksSnapshot) {
        account.state.withLockedValue { $0 = snapshot.account }
        account.scim.restore(snapshot.directory)
        tokens.restore(snapshot.tokens)
        account.hosts.withLockedValue { hosts in
            hosts.removeAll()
            for saved in snapshot.workspaces {
                let workspace = DatabricksWorkspace(
                    id: saved.id, deploymentName: saved.deploymentName, name: saved.name, region: saved.region,
                    account: account)
                workspace.state.withLockedValue { $0 = saved.state }
                workspace.scim.restore(saved.directory)
                hosts[saved.id] = workspace
            }
        }
        account.bootstrap()
    }

    /// Saves the state when a state directory is set; a failure is answered as an error (the change is not
    /// acknowledged).
    func persist() throws(DatabricksError) {
        guard let store else { return }
        do {
            try store.save { snapshot() }
        } catch {
            throw DatabricksError(
                "INTERNAL_ERROR", .internalServerError, "The emulator could not save its state: \(error)")
        }
    }
}

extension SCIMDirectory {
    func snapshot() -> [SCIMResourceKind: DatabricksTable<JSONObject>] {
        stateBox.withLockedValue { $0 }
    }

    func restore(_ saved: [SCIMResourceKind: DatabricksTable<JSONObject>]) {
        stateBox.withLockedValue { $0 = saved }
    }
}

extension DatabricksTokenStore {
    func snapshot() -> [String: DatabricksToken] {
        tokensBox.withLockedValue { $0 }
    }

    func restore(_ saved: [String: DatabricksToken]) {
        tokensBox.withLockedValue { $0 = saved }
    }
}
