import Foundation

/// Clusters move along PENDING -> RUNNING -> (RESTARTING | RESIZING) -> TERMINATING -> TERMINATED on the emulator's
/// clock, auto-terminate after `autotermination_minutes` without runs, and record their running time as usage.
extension DatabricksWorkspace {
    func settleClusters(now: Date) {
        var events: [(String, String)] = []
        state.withLockedValue { state in
            for var record in state.clusters.values {
                var changed = false
                while let next = record.next, next.at <= now {
                    record.next = nil
                    changed = true
                    switch next.state {
                    case "RUNNING":
                        record.set("RUNNING", message: "")
                        record.runningSince = next.at
                        record.lastActivity = next.at
                        record.document["last_restarted_time"] = .millis(next.at)
                        record.document["driver"] = [
                            "node_id": .string(DatabricksIdentifiers.hex(32)), "private_ip": "10.0.1.10",
                            "start_timestamp": .millis(next.at), "host_private_ip": "10.0.1.10",
                        ]
                        events.append((record.id, "RUNNING"))
                    case "TERMINATED":
                        record.set("TERMINATED", message: "Terminated")
                        record.document["terminated_time"] = .millis(next.at)
                        record.document["driver"] = nil
                        events.append((record.id, "TERMINATED"))
                    default:
                        record.set(next.state, message: "")
                    }
                }
                if record.state == "RUNNING", let minutes = record.document["autotermination_minutes"]?.int,
                    minutes > 0, record.lastActivity.addingTimeInterval(Double(minutes) * 60) <= now
                {
                    let at = record.lastActivity.addingTimeInterval(Double(minutes) * 60)
                    endUsage(&record, now: at, into: &state)
                    record.set("TERMINATED", message: "Inactive cluster terminated (inactive for \(minutes) minutes).")
                    record.document["terminated_time"] = .millis(at)
                    record.document["termination_reason"] = ["code": "INACTIVITY", "type": "SUCCESS"]
                    changed = true
                    events.append((record.id, "TERMINATED"))
                }
                if changed {
                    if let span = record.pendingUsage {
                        state.usage.append(span)
                        record.pendingUsage = nil
                    }
                    state.clusters[record.id] = record
                }
            }
        }
        for (id, type) in events { addEvent(id, type, now: now) }
    }

    /// Closes the current RUNNING span (for billable usage).
    func endUsage(_ record: inout ClusterRecord, now: Date) {
        guard let since = record.runningSince else { return }
        record.runningSince = nil
        record.pendingUsage = ClusterUsage(
            clusterId: record.id, clusterName: record.document["cluster_name"]?.string ?? "",
            nodeType: record.document["node_type_id"]?.string ?? "", nodes: record.workers + 1, from: since, to: now)
    }

    private func endUsage(_ record: inout ClusterRecord, now: Date, into state: inout WorkspaceState) {
        endUsage(&record, now: now)
        if let span = record.pendingUsage {
            state.usage.append(span)
            record.pendingUsage = nil
        }
    }
}
