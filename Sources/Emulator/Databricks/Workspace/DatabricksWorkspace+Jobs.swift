import Foundation

/// Jobs (`/api/2.0`, `/api/2.1`, `/api/2.2`): create, get, list, reset, update, delete, run-now.
extension DatabricksWorkspace {
    static var jobRoutes: [DatabricksRoute<DatabricksWorkspace>] {
        let base = "api/2.0|2.1|2.2/jobs"
        return [
            .init(.POST, "\(base)/create") { try $0.createJob($1) },
            .init(.GET, "\(base)/get") { try .object($0.job($1.requiredInt("job_id"), expand: true)) },
            .init(.GET, "\(base)/list") { try $0.listJobs($1) },
            .init(.POST, "\(base)/reset") { try $0.resetJob($1) },
            .init(.POST, "\(base)/update") { try $0.updateJob($1) },
            .init(.POST, "\(base)/delete") { try $0.deleteJob($1) },
            .init(.POST, "\(base)/run-now") { try $0.runNow($1) },
        ] + runRoutes
    }

    static let jobSettingsExcluded: Set<String> = ["access_control_list", "job_id"]

    func job(_ id: Int64, expand: Bool) throws(DatabricksError) -> JSONObject {
        guard var job = state.withLockedValue({ $0.jobs[String(id)] }) else {
            throw .invalidParameter("Job \(id) does not exist.")
        }
        if !expand, var settings = job["settings"]?.object {
            settings["tasks"] = nil
            settings["job_clusters"] = nil
            job["settings"] = .object(settings)
        }
        return job
    }

    /// Checks the tasks of job settings or a one-time run: keys, clusters, dependencies.
    func validateTasks(_ settings: JSONObject) throws(DatabricksError) {
        let tasks = settings["tasks"]?.array ?? []
        let jobClusters = Set((settings["job_clusters"]?.array ?? []).compactMap { $0["job_cluster_key"]?.string })
        var keys = Set<String>()
        for task in tasks {
            guard let key = task["task_key"]?.string, !key.isEmpty else { throw .missing("tasks.task_key") }
            guard keys.insert(key).inserted else { throw .invalidParameter("Duplicate task key: \(key).") }
            if let cluster = task["existing_cluster_id"]?.string {
                _ = try self.cluster(cluster)
            }
            if let clusterKey = task["job_cluster_key"]?.string, !jobClusters.contains(clusterKey) {
                throw .invalidParameter("Job cluster key \(clusterKey) is not defined in job_clusters.")
            }
            if let newCluster = task["new_cluster"]?.object { try validateSpec(newCluster) }
        }
        for task in tasks {
            for dependency in task["depends_on"]?.array ?? [] {
                guard let key = dependency["task_key"]?.string, keys.contains(key) else {
                    throw .invalidParameter("Task \(task["task_key"]?.string ?? "") depends on an unknown task.")
                }
            }
        }
        for cluster in settings["job_clusters"]?.array ?? [] {
            if let spec = cluster["new_cluster"]?.object { try validateSpec(spec) }
        }
    }

    func createJob(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let settings = call.body.filter { !Self.jobSettingsExcluded.contains($0.key) }
        try validateTasks(settings)
        let id = state.withLockedValue { state -> Int64 in
            defer { state.nextJobId += 1 }
            return state.nextJobId * 1_000 + Int64.random(in: 0..<1_000)
        }
        var normalized = settings
        normalized["name"] = normalized["name"] ?? "Untitled"
        normalized["max_concurrent_runs"] = normalized["max_concurrent_runs"] ?? 1
        normalized["format"] = normalized["format"] ?? "MULTI_TASK"
        normalized["timeout_seconds"] = normalized["timeout_seconds"] ?? 0
        normalized["email_notifications"] = normalized["email_notifications"] ?? [:]
        let job: JSONObject = [
            "job_id": .int(id), "creator_user_name": .string(call.caller.name),
            "run_as_user_name": .string(call.caller.name), "settings": .object(normalized),
            "created_time": .millis(call.now),
        ]
        state.withLockedValue { $0.jobs[String(id)] = job }
        return .object(["job_id": .int(id)])
    }

    func listJobs(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let expand = call.bool("expand_tasks") ?? false
        var jobs = state.withLockedValue { $0.jobs.values }
        if let name = call.string("name") {
            jobs = jobs.filter { $0["settings"]?["name"]?.string?.lowercased() == name.lowercased() }
        }
        let limit = call.int("limit") ?? 20
        guard (0...100).contains(limit) else { throw .invalidParameter("limit must be between 0 and 100.") }
        let values = try jobs.map { job throws(DatabricksError) -> JSONValue in
            .object(try self.job(job["job_id"]?.int ?? 0, expand: expand))
        }
        let page = DatabricksPage(values, call: call, defaultSize: 20, maximum: 100)
        return page.reply(itemsKey: "jobs", hasMore: true)
    }

    func resetJob(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let id = try call.requiredInt("job_id")
        guard let settings = call.body["new_settings"]?.object else { throw .missing("new_settings") }
        try validateTasks(settings)
        try updateJob(id) { job in job["settings"] = .object(settings) }
        return .empty
    }

    func updateJob(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let id = try call.requiredInt("job_id")
        let changes = call.body["new_settings"]?.object ?? [:]
        let removals = call.body["fields_to_remove"]?.strings ?? []
        var settings = try job(id, expand: true)["settings"]?.object ?? [:]
        for (key, value) in changes {
            if key == "tasks" || key == "job_clusters", let updates = value.array, let existing = settings[key]?.array {
                let keyField = key == "tasks" ? "task_key" : "job_cluster_key"
                var merged = existing
                for update in updates {
                    if let index = merged.firstIndex(where: { $0[keyField] == update[keyField] }) {
                        merged[index] = update
                    } else {
                        merged.append(update)
                    }
                }
                settings[key] = .array(merged)
            } else {
                settings[key] = value
            }
        }
        for field in removals {
            if field.hasPrefix("tasks/") || field.hasPrefix("job_clusters/") {
                let parts = field.split(separator: "/", maxSplits: 1).map(String.init)
                let keyField = parts[0] == "tasks" ? "task_key" : "job_cluster_key"
                settings[parts[0]] = .array(
                    (settings[parts[0]]?.array ?? []).filter { $0[keyField]?.string != parts[1] })
            } else {
                settings[field] = nil
            }
        }
        try validateTasks(settings)
        let final = settings
        try updateJob(id) { job in job["settings"] = .object(final) }
        return .empty
    }

    private func updateJob(_ id: Int64, _ change: (inout JSONObject) -> Void) throws(DatabricksError) {
        try state.withLock { state throws(DatabricksError) in
            guard var job = state.jobs[String(id)] else { throw .invalidParameter("Job \(id) does not exist.") }
            change(&job)
            state.jobs[String(id)] = job
        }
    }

    func deleteJob(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let id = try call.requiredInt("job_id")
        try state.withLock { state throws(DatabricksError) in
            guard state.jobs.contains(String(id)) else { throw .invalidParameter("Job \(id) does not exist.") }
            state.jobs[String(id)] = nil
        }
        return .empty
    }

    func runNow(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let jobId = try call.requiredInt("job_id")
        let job = try self.job(jobId, expand: true)
        let settings = job["settings"]?.object ?? [:]
        if let token = call.string("idempotency_token"),
            let existing = state.withLockedValue({ state in
                state.runs.values.first { $0.document["idempotency_token"]?.string == token }
            })
        {
            return .object(["run_id": .int(existing.id), "number_in_job": .int(existing.id)])
        }
        let active = state.withLockedValue { state in
            state.runs.values.filter {
                $0.document["job_id"]?.int == jobId && $0.parentRunId == nil
                    && !["TERMINATED", "SKIPPED", "INTERNAL_ERROR"].contains($0.lifeCycle)
            }.count
        }
        let maximum = settings["max_concurrent_runs"]?.int ?? 1
        var extra: JSONObject = ["job_id": .int(jobId), "run_type": "JOB_RUN", "trigger": "ONE_TIME"]
        for field in ["job_parameters", "notebook_params", "python_params", "jar_params", "idempotency_token"] {
            if let value = call.body[field] { extra[field] = value }
        }
        let runId = startRun(
            name: settings["name"]?.string ?? "Untitled", settings: settings, extra: extra, call: call,
            skipped: active >= maximum)
        return .object(["run_id": .int(runId), "number_in_job": .int(runId)])
    }
}
