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
        guard offset >= 0 else { throw .invalidParameter("offset must be greater than or equal to 0, got \(offset)") }
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
}
