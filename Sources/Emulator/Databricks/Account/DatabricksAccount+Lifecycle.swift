import Foundation

/// Moves workspaces along their lifecycle on the emulator's clock: PROVISIONING ends RUNNING (its host comes up) or
/// FAILED (with the reason), and a deleted workspace disappears after the deletion time.
extension DatabricksAccount {
    /// Applies every transition that is due; called before each request and by the emulator's ticker.
    func settle() {
        // One settlement at a time (the ticker and requests both call this), so nothing is delivered twice.
        settling.withLock { settleNow() }
    }

    private func settleNow() {
        let now = clock.now()
        let due = state.withLockedValue { state in
            state.workspaces.values.filter { $0.deletedAt == nil && $0.status == "PROVISIONING" && $0.readyAt <= now }
        }
        for record in due {
            finishProvisioning(record, now: now)
        }
        let removed = state.withLockedValue { state -> [Int64] in
            let gone = state.workspaces.values.filter {
                guard let deletedAt = $0.deletedAt else { return false }
                return deletedAt.addingTimeInterval(configuration.timings.workspaceDeletion) <= now
            }
            for record in gone { state.workspaces[String(record.workspaceId)] = nil }
            return gone.map(\.workspaceId)
        }
        if !removed.isEmpty { hosts.withLockedValue { hosts in for id in removed { hosts[id] = nil } } }
        deliverLogs(now: now)
    }

    private func finishProvisioning(_ record: WorkspaceRecord, now: Date) {
        let region = record.document["aws_region"]?.string ?? ""
        var problem = awsSideProblem(record.document, region: region)
        var networkProblems: [JSONValue] = []
        if let networkId = record.document["network_id"]?.string {
            networkProblems = state.withLockedValue { state in
                state.networks[networkId].map {
                    NetworkRules.problems($0, region: region, endpoints: state.vpcEndpoints)
                } ?? []
            }
            if problem == nil, let first = networkProblems.first?["error_message"]?.string {
                problem = "Network validation failed: \(first)"
            }
        }
        let workspaceId = record.workspaceId
        let running = state.withLockedValue { state -> WorkspaceRecord? in
            guard var current = state.workspaces[String(workspaceId)], current.deletedAt == nil,
                current.status == "PROVISIONING"
            else { return nil }
            if let problem {
                current.document["workspace_status"] = "FAILED"
                current.document["workspace_status_message"] = .string(problem)
            } else {
                current.document["workspace_status"] = "RUNNING"
                current.document["workspace_status_message"] = "Workspace is running."
            }
            state.workspaces[String(workspaceId)] = current
            if let networkId = current.document["network_id"]?.string, var network = state.networks[networkId] {
                network["vpc_status"] = networkProblems.isEmpty ? "VALID" : "BROKEN"
                network["error_messages"] = networkProblems.isEmpty ? nil : .array(networkProblems)
                network["workspace_id"] = .int(workspaceId)
                state.networks[networkId] = network
            }
            return problem == nil ? current : nil
        }
        guard let running else { return }
        hosts.withLockedValue { hosts in
            guard hosts[workspaceId] == nil else { return }
            hosts[workspaceId] = DatabricksWorkspace(
                id: workspaceId, deploymentName: running.deploymentName,
                name: running.document["workspace_name"]?.string ?? "", region: region, account: self)
        }
    }

    /// The cross-account role of a workspace's credentials (what instance profiles are validated against).
    func crossAccountRole(ofWorkspace workspaceId: Int64) -> String? {
        state.withLockedValue { state in
            guard let credentialsId = state.workspaces[String(workspaceId)]?.document["credentials_id"]?.string else {
                return nil
            }
            return state.credentials[credentialsId]?["aws_credentials"]?["sts_role"]?["role_arn"]?.string
        }
    }
}
