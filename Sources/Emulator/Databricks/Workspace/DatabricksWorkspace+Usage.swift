import Foundation

/// Billable usage of the workspace's clusters, as log delivery writes it (one CSV row per cluster and span).
extension DatabricksWorkspace {
    func usageRows(from start: Date, to end: Date) -> [String] {
        settleClusters(now: end)
        let (ended, running) = state.withLockedValue { state in
            (
                state.usage,
                state.clusters.values.compactMap { record -> ClusterUsage? in
                    guard let since = record.runningSince else { return nil }
                    return ClusterUsage(
                        clusterId: record.id, clusterName: record.document["cluster_name"]?.string ?? "",
                        nodeType: record.document["node_type_id"]?.string ?? "", nodes: record.workers + 1,
                        from: since, to: end)
                }
            )
        }
        let formatter = ISO8601DateFormatter()
        return (ended + running).compactMap { span in
            let from = max(span.from, start)
            let to = min(span.to, end)
            guard to > from else { return nil }
            let machineHours = to.timeIntervalSince(from) / 3600 * Double(span.nodes)
            let dbus = machineHours * 0.75
            let name = span.clusterName.replacingOccurrences(of: "\"", with: "\"\"")
            return "\(id),\(formatter.string(from: from)),\(span.clusterId),\"\(name)\",\(span.nodeType),,{},"
                + "ENTERPRISE_ALL_PURPOSE_COMPUTE,\(String(format: "%.6f", dbus)),\(String(format: "%.6f", machineHours)),,{}"
        }
    }
}
