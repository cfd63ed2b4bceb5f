import EmulatorData
import Foundation

/// Clusters (`/api/2.0` and `/api/2.1`): create, get, list, edit, start, restart, resize, delete (terminate),
/// permanent-delete, pin, unpin, events, spark-versions, list-node-types.
extension DatabricksWorkspace {
    static var clusterRoutes: [DatabricksRoute<DatabricksWorkspace>] {
        let base = "api/2.0|2.1/clusters"
        return [
            .init(.POST, "\(base)/create") { try $0.createCluster($1) },
            .init(.POST, "\(base)/edit") { try $0.editCluster($1) },
            .init(.POST, "\(base)/update") { try $0.updateCluster($1) },
            .init(.GET, "\(base)/get") { try .object($0.cluster($1.required("cluster_id")).document) },
            .init(.GET, "\(base)/list") { try $0.listClusters($1) },
            .init(.POST, "\(base)/start") { try $0.startCluster($1) },
            .init(.POST, "\(base)/restart") { try $0.restartCluster($1) },
            .init(.POST, "\(base)/resize") { try $0.resizeCluster($1) },
            .init(.POST, "\(base)/delete") { try $0.terminateCluster($1.required("cluster_id"), $1) },
            .init(.POST, "\(base)/permanent-delete") { try $0.permanentlyDeleteCluster($1) },
            .init(.POST, "\(base)/pin") { try $0.pinCluster($1, pinned: true) },
            .init(.POST, "\(base)/unpin") { try $0.pinCluster($1, pinned: false) },
            .init(.POST, "\(base)/events") { try $0.clusterEvents($1) },
            .init(.GET, "\(base)/spark-versions") { workspace, _ in
                try workspace.catalogReply(\DatabricksCatalog.sparkVersionsJSON)
            },
            .init(.GET, "\(base)/list-node-types") { workspace, _ in
                try workspace.catalogReply(\DatabricksCatalog.nodeTypesJSON)
            },
            .init(.GET, "\(base)/list-zones") { workspace, _ in
                let zones = ["a", "b", "c"].map { JSONValue.string(workspace.region + $0) }
                return .object(["zones": .array(zones), "default_zone": zones[0]])
            },
        ]
    }

    func catalogReply(_ field: KeyPath<DatabricksCatalog, Data>) throws -> DatabricksReply {
        .json(try JSONValue.parse(try account.catalog()[keyPath: field]))
    }

    // MARK: - Lookup

    func cluster(_ id: String) throws(DatabricksError) -> ClusterRecord {
        guard let record = state.withLockedValue({ $0.clusters[id] }), !record.permanentlyDeleted else {
            throw .invalidParameter("Cluster \(id) does not exist")
        }
        return record
    }

    func updateRecord(
        _ id: String, _ change: (inout ClusterRecord) throws(DatabricksError) -> Void
    )
        throws(DatabricksError)
    {
        try state.withLock { state throws(DatabricksError) in
            guard var record = state.clusters[id], !record.permanentlyDeleted else {
                throw .invalidParameter("Cluster \(id) does not exist")
            }
            try change(&record)
            if let span = record.pendingUsage {
                state.usage.append(span)
                record.pendingUsage = nil
            }
            state.clusters[id] = record
        }
    }

    func addEvent(_ clusterId: String, _ type: String, details: JSONObject = [:], now: Date) {
        state.withLockedValue { state in
            state.clusterEvents[clusterId, default: []].append([
                "cluster_id": .string(clusterId), "timestamp": .millis(now), "type": .string(type),
                "details": .object(details),
            ])
        }
    }

    // MARK: - Validation

    func validateSpec(_ spec: JSONObject) throws(DatabricksError) {
        let catalog = try account.catalogOrError()
        guard let version = spec["spark_version"]?.string, !version.isEmpty else { throw .missing("spark_version") }
        guard catalog.sparkVersionKeys.contains(version) else {
            throw .invalidParameter("Invalid spark version \(version).")
        }
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

    // MARK: - Create and change

    func createCluster(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        var spec = call.fields(ClusterRecord.specFields)
        try applyPolicy(&spec, caller: call.caller, existing: nil)
        try validateSpec(spec)
        if let token = spec["idempotency_token"]?.string,
            let existing = state.withLockedValue({
                $0.clusters.values.first { $0.document["idempotency_token"]?.string == token && !$0.permanentlyDeleted }
            })
        {
            return .object(["cluster_id": .string(existing.id)])
        }
        let id = DatabricksIdentifiers.clusterId()
        spec["cluster_id"] = .string(id)
        spec["cluster_name"] = spec["cluster_name"] ?? ""
        spec["creator_user_name"] = .string(call.caller.name)
        spec["cluster_source"] = "API"
        spec["start_time"] = .millis(call.now)
        spec["spark_context_id"] = .int(DatabricksIdentifiers.number(digits: 18))
        spec["jdbc_port"] = 10000
        spec["autotermination_minutes"] = spec["autotermination_minutes"] ?? 120
        spec["enable_elastic_disk"] = spec["enable_elastic_disk"] ?? false
        spec["driver_node_type_id"] = spec["driver_node_type_id"] ?? spec["node_type_id"] ?? .null
        spec["default_tags"] = [
            "Vendor": "Databricks", "Creator": .string(call.caller.name),
            "ClusterName": spec["cluster_name"] ?? "", "ClusterId": .string(id),
        ]
        var record = ClusterRecord(document: spec, lastActivity: call.now)
        record.set("PENDING", message: "Finding instances for new nodes, acquiring more instances if necessary")
        record.next = .init(state: "RUNNING", at: call.now.addingTimeInterval(timings.clusterStart))
        let stored = record
        state.withLockedValue { $0.clusters[id] = stored }
        addEvent(id, "CREATING", details: ["user": .string(call.caller.name)], now: call.now)
        return .object(["cluster_id": .string(id)])
    }

    func editCluster(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let id = try call.required("cluster_id")
        var spec = call.fields(ClusterRecord.specFields)
        try applyPolicy(&spec, caller: call.caller, existing: id)
        try validateSpec(spec)
        try updateRecord(id) { record throws(DatabricksError) in
            try applyEdit(&record, spec: spec, replace: true, now: call.now)
        }
        addEvent(id, "EDITED", details: ["user": .string(call.caller.name)], now: call.now)
        return .empty
    }

    /// `clusters/update`: only the fields named by `update_mask`, from `cluster`.
    func updateCluster(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let id = try call.required("cluster_id")
        let mask = try call.required("update_mask").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let changes = call.body["cluster"]?.object ?? [:]
        var merged = try cluster(id).document
        for field in mask where ClusterRecord.specFields.contains(field) {
            merged[field] = changes[field]
        }
        try applyPolicy(&merged, caller: call.caller, existing: id)
        try validateSpec(merged)
        try updateRecord(id) { record throws(DatabricksError) in
            try applyEdit(
                &record, spec: merged.filter { ClusterRecord.specFields.contains($0.key) }, replace: true, now: call.now
            )
        }
        addEvent(id, "EDITED", details: ["user": .string(call.caller.name)], now: call.now)
        return .empty
    }

    private func applyEdit(
        _ record: inout ClusterRecord, spec: JSONObject, replace: Bool, now: Date
    )
        throws(DatabricksError)
    {
        guard ["RUNNING", "TERMINATED"].contains(record.state) else {
            throw .invalidState("Cluster \(record.id) is in unexpected state \(record.state.capitalized).")
        }
        for field in ClusterRecord.specFields where field != "idempotency_token" {
            record.document[field] = spec[field]
        }
        record.document["driver_node_type_id"] = spec["driver_node_type_id"] ?? spec["node_type_id"] ?? .null
        record.document["autotermination_minutes"] = spec["autotermination_minutes"] ?? 120
        if record.state == "RUNNING" {
            endUsage(&record, now: now)
            record.set("RESTARTING", message: "Restarting the cluster to apply the new configuration")
            record.next = .init(state: "RUNNING", at: now.addingTimeInterval(timings.clusterStart))
        }
    }

    func startCluster(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let id = try call.required("cluster_id")
        try updateRecord(id) { record throws(DatabricksError) in
            guard record.state == "TERMINATED" else {
                throw .invalidState("Cluster \(id) is in unexpected state \(record.state.capitalized).")
            }
            record.set("PENDING", message: "Starting Spark")
            record.document["start_time"] = .millis(call.now)
            record.document["termination_reason"] = nil
            record.document["terminated_time"] = nil
            record.next = .init(state: "RUNNING", at: call.now.addingTimeInterval(timings.clusterStart))
        }
        addEvent(id, "STARTING", details: ["user": .string(call.caller.name)], now: call.now)
        return .empty
    }

    func restartCluster(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let id = try call.required("cluster_id")
        try updateRecord(id) { record throws(DatabricksError) in
            guard record.state == "RUNNING" else {
                throw .invalidState("Cluster \(id) is in unexpected state \(record.state.capitalized).")
            }
            endUsage(&record, now: call.now)
            record.set("RESTARTING", message: "Restarting Spark")
            record.next = .init(state: "RUNNING", at: call.now.addingTimeInterval(timings.clusterStart))
        }
        addEvent(id, "RESTARTING", details: ["user": .string(call.caller.name)], now: call.now)
        return .empty
    }

    func resizeCluster(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let id = try call.required("cluster_id")
        let workers = call.int("num_workers")
        let autoscale = call.body["autoscale"]?.object
        guard workers != nil || autoscale != nil else {
            throw .invalidParameter("One of num_workers or autoscale must be specified.")
        }
        if let workers, workers < 0 { throw .invalidParameter("num_workers must be at least 0.") }
        try updateRecord(id) { record throws(DatabricksError) in
            guard record.state == "RUNNING" else {
                throw .invalidState("Cluster \(id) is in unexpected state \(record.state.capitalized).")
            }
            endUsage(&record, now: call.now)
            if let workers {
                record.document["num_workers"] = .int(workers)
                record.document["autoscale"] = nil
            } else if let autoscale {
                record.document["autoscale"] = .object(autoscale)
                record.document["num_workers"] = nil
            }
            record.set("RESIZING", message: "Resizing the cluster")
            record.next = .init(state: "RUNNING", at: call.now.addingTimeInterval(timings.clusterStart))
        }
        addEvent(id, "RESIZING", details: ["target_num_workers": workers.map(JSONValue.int) ?? .null], now: call.now)
        return .empty
    }

    func terminateCluster(
        _ id: String, _ call: DatabricksCall, reason: String = "USER_REQUEST"
    ) throws(DatabricksError)
        -> DatabricksReply
    {
        try updateRecord(id) { record in
            guard !["TERMINATING", "TERMINATED"].contains(record.state) else { return }
            endUsage(&record, now: call.now)
            record.set("TERMINATING", message: "Terminating the cluster")
            record.document["termination_reason"] = [
                "code": .string(reason), "type": "SUCCESS", "parameters": ["username": .string(call.caller.name)],
            ]
            record.next = .init(state: "TERMINATED", at: call.now.addingTimeInterval(timings.clusterTermination))
        }
        addEvent(id, "TERMINATING", details: ["reason": ["code": .string(reason)]], now: call.now)
        return .empty
    }

    func permanentlyDeleteCluster(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let id = try call.required("cluster_id")
        _ = try terminateCluster(id, call)
        try updateRecord(id) { record in record.permanentlyDeleted = true }
        return .empty
    }

    func pinCluster(_ call: DatabricksCall, pinned: Bool) throws(DatabricksError) -> DatabricksReply {
        let id = try call.required("cluster_id")
        try updateRecord(id) { record in
            record.document["pinned_by_user_name"] = pinned ? .string(call.caller.name) : nil
        }
        addEvent(id, pinned ? "PINNED" : "UNPINNED", details: ["user": .string(call.caller.name)], now: call.now)
        return .empty
    }

    // MARK: - Lists

    func listClusters(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        var clusters = state.withLockedValue { $0.clusters.values.filter { !$0.permanentlyDeleted } }
        if let states = call.body["filter_by"]?["cluster_states"]?.strings
            ?? call.request.query("filter_by.cluster_states").map({ [$0] })
        {
            clusters = clusters.filter { states.contains($0.state) }
        }
        if let policy = call.body["filter_by"]?["policy_id"]?.string ?? call.request.query("filter_by.policy_id") {
            clusters = clusters.filter { $0.document["policy_id"]?.string == policy }
        }
        if call.request.query("filter_by.is_pinned") == "true" {
            clusters = clusters.filter { $0.document["pinned_by_user_name"] != nil }
        }
        clusters.reverse()
        return DatabricksPage(clusters.map { JSONValue.object($0.document) }, call: call, defaultSize: 10_000)
            .reply(itemsKey: "clusters")
    }

    func clusterEvents(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let id = try call.required("cluster_id")
        _ = try cluster(id)
        var events = state.withLockedValue { $0.clusterEvents[id] ?? [] }
        if let types = call.body["event_types"]?.strings, !types.isEmpty {
            events = events.filter { types.contains($0["type"]?.string ?? "") }
        }
        if let start = call.int("start_time") { events = events.filter { ($0["timestamp"]?.int ?? 0) >= start } }
        if let end = call.int("end_time") { events = events.filter { ($0["timestamp"]?.int ?? 0) <= end } }
        if call.string("order") != "ASC" { events.reverse() }
        let offset = Int(call.int("offset") ?? 0)
        let limit = Int(min(500, max(1, call.int("limit") ?? 50)))
        let page = Array(events.dropFirst(offset).prefix(limit))
        var object: JSONObject = [
            "events": .array(page.map(JSONValue.object)), "total_count": .int(Int64(events.count)),
        ]
        if offset + page.count < events.count {
            var next = call.body
            next["offset"] = .int(Int64(offset + page.count))
            next["limit"] = .int(Int64(limit))
            object["next_page"] = .object(next)
        }
        return .object(object)
    }

    // MARK: - Lifecycle

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
