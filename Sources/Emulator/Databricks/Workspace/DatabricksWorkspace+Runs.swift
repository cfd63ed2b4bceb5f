import Foundation

/// Job runs: submit, get, list, cancel, cancel-all, get-output, delete; and their lifecycle on the clock.
extension DatabricksWorkspace {
    static var runRoutes: [DatabricksRoute<DatabricksWorkspace>] {
        let base = "api/2.0|2.1|2.2/jobs/runs"
        return [
            .init(.POST, "\(base)/submit") { try $0.submitRun($1) },
            .init(.GET, "\(base)/get") { try .object($0.run($1.requiredInt("run_id")).document) },
            .init(.GET, "\(base)/list") { try $0.listRuns($1) },
            .init(.POST, "\(base)/cancel") { try $0.cancelRuns($1, jobId: nil) },
            .init(.POST, "\(base)/cancel-all") { try $0.cancelRuns($1, jobId: $1.requiredInt("job_id")) },
            .init(.GET, "\(base)/get-output") { try $0.runOutput($1.requiredInt("run_id")) },
            .init(.POST, "\(base)/delete") { try $0.deleteRun($1) },
        ]
    }

    func run(_ id: Int64) throws(DatabricksError) -> RunRecord {
        guard let record = state.withLockedValue({ $0.runs[String(id)] }) else {
            throw .invalidParameter("Run \(id) does not exist.")
        }
        return record
    }

    func submitRun(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        var settings = call.body
        if settings["tasks"] == nil {
            // The 2.0 single-task form: the task fields at the top level.
            var task: JSONObject = ["task_key": "run"]
            for field in [
                "notebook_task", "spark_python_task", "spark_jar_task", "spark_submit_task",
                "existing_cluster_id", "new_cluster", "libraries", "python_wheel_task", "sql_task",
            ]
            where settings[field] != nil {
                task[field] = settings[field]
                settings[field] = nil
            }
            settings["tasks"] = [.object(task)]
        }
        try validateTasks(settings)
        if let token = call.string("idempotency_token"),
            let existing = state.withLockedValue({ state in
                state.runs.values.first { $0.document["idempotency_token"]?.string == token }
            })
        {
            return .object(["run_id": .int(existing.id)])
        }
        var extra: JSONObject = ["run_type": "SUBMIT_RUN", "trigger": "ONE_TIME"]
        if let token = call.string("idempotency_token") { extra["idempotency_token"] = .string(token) }
        let id = startRun(
            name: call.string("run_name") ?? "Untitled", settings: settings, extra: extra, call: call, skipped: false)
        return .object(["run_id": .int(id)])
    }

    /// Creates a run (and a run per task), deciding each task's outcome from what it runs.
    func startRun(name: String, settings: JSONObject, extra: JSONObject, call: DatabricksCall, skipped: Bool) -> Int64 {
        let now = call.now
        let runningAt = now.addingTimeInterval(timings.runStart)
        let endsAt = runningAt.addingTimeInterval(timings.runDuration)
        let tasks = settings["tasks"]?.array ?? []
        var outcomes: [String: RunOutcome] = [:]
        for task in tasks {
            let key = task["task_key"]?.string ?? ""
            let upstreamFailed = (task["depends_on"]?.array ?? []).contains {
                outcomes[$0["task_key"]?.string ?? ""]?.resultState != "SUCCESS"
            }
            outcomes[key] =
                upstreamFailed
                ? RunOutcome(resultState: "UPSTREAM_FAILED", message: "Upstream task failed.")
                : outcome(of: task)
            if let cluster = task["existing_cluster_id"]?.string {
                try? updateRecord(cluster) { $0.lastActivity = endsAt }
            }
        }
        return state.withLockedValue { state -> Int64 in
            func nextId() -> Int64 {
                defer { state.nextRunId += 1 }
                return state.nextRunId * 1_000 + Int64.random(in: 0..<1_000)
            }
            let runId = nextId()
            var taskDocuments: [JSONValue] = []
            var taskIds: [Int64] = []
            for task in tasks {
                let taskRunId = nextId()
                taskIds.append(taskRunId)
                var document = task.object ?? [:]
                document["run_id"] = .int(taskRunId)
                document["attempt_number"] = 0
                document["start_time"] = .millis(now)
                if let cluster = task["existing_cluster_id"]?.string {
                    document["cluster_instance"] = ["cluster_id": .string(cluster)]
                }
                let outcome = outcomes[task["task_key"]?.string ?? ""] ?? .success
                var record = RunRecord(
                    document: document, runningAt: runningAt, endsAt: endsAt, outcome: outcome, parentRunId: runId)
                Self.apply(&record, now: now, skipped: skipped)
                state.runs[String(taskRunId)] = record
                taskDocuments.append(.object(record.document))
            }
            var document = extra
            document["run_id"] = .int(runId)
            document["number_in_job"] = .int(runId)
            document["original_attempt_run_id"] = .int(runId)
            document["run_name"] = .string(name)
            document["creator_user_name"] = .string(call.caller.name)
            document["start_time"] = .millis(now)
            document["run_page_url"] = .string("\(url)/?o=\(id)#job/\(extra["job_id"]?.int ?? 0)/run/\(runId)")
            document["tasks"] = .array(taskDocuments)
            if let clusters = settings["job_clusters"] { document["job_clusters"] = clusters }
            let failed = outcomes.values.first { $0.resultState != "SUCCESS" }
            var record = RunRecord(
                document: document, runningAt: runningAt, endsAt: endsAt, outcome: failed ?? .success,
                taskRunIds: taskIds)
            Self.apply(&record, now: now, skipped: skipped)
            state.runs[String(runId)] = record
            return runId
        }
    }

    /// What a task does when it runs: a notebook's or script's source decides (see ``RunOutcome/of(source:)``);
    /// a missing notebook fails the run as Databricks does.
    func outcome(of task: JSONValue) -> RunOutcome {
        let path: String?
        if let notebook = task["notebook_task"]?["notebook_path"]?.string {
            path = notebook
        } else if let file = task["spark_python_task"]?["python_file"]?.string {
            path = file
        } else {
            return .success
        }
        guard let path else { return .success }
        if path.hasPrefix("dbfs:/") {
            let dbfsPath = String(path.dropFirst(5))
            guard let data = state.withLockedValue({ $0.dbfs.files[dbfsPath]?.data }) else {
                return RunOutcome(
                    resultState: "FAILED", message: "File \(path) does not exist.",
                    error: "File \(path) does not exist.")
            }
            return .of(source: String(decoding: data, as: UTF8.self))
        }
        let normalized = (try? WorkspaceTree.normalize(path)) ?? path
        guard let node = state.withLockedValue({ $0.objects[normalized] }) else {
            let message =
                "Unable to access the notebook \"\(path)\". Either it does not exist, or the identity used "
                + "to run this job lacks the required permissions."
            return RunOutcome(resultState: "FAILED", message: message, error: message)
        }
        return .of(source: String(decoding: node.content, as: UTF8.self))
    }

    /// Writes a run's state for a moment in its life.
    static func apply(_ record: inout RunRecord, now: Date, skipped: Bool = false) {
        var state: JSONObject
        var status: JSONObject
        if skipped {
            state = [
                "life_cycle_state": "SKIPPED",
                "state_message": "Skipping this run because the limit of maximum concurrent runs has been reached.",
            ]
            status = ["state": "TERMINATED", "termination_details": ["code": "SKIPPED", "type": "SUCCESS"]]
            record.document["end_time"] = .millis(now)
        } else if let cancelled = record.document["state"]?["result_state"]?.string, cancelled == "CANCELED" {
            return
        } else if now < record.runningAt {
            state = ["life_cycle_state": "PENDING", "state_message": "Waiting for cluster"]
            status = ["state": "PENDING"]
        } else if now < record.endsAt {
            state = ["life_cycle_state": "RUNNING", "state_message": "In run"]
            status = ["state": "RUNNING"]
        } else {
            let outcome = record.outcome
            state = [
                "life_cycle_state": "TERMINATED", "result_state": .string(outcome.resultState),
                "state_message": .string(outcome.message),
            ]
            let code = outcome.resultState == "SUCCESS" ? "SUCCESS" : "RUN_EXECUTION_ERROR"
            status = [
                "state": "TERMINATED",
                "termination_details": [
                    "code": .string(code), "type": .string(code == "SUCCESS" ? "SUCCESS" : "CLIENT_ERROR"),
                    "message": .string(outcome.message),
                ],
            ]
            let start = record.document["start_time"]?.int ?? 0
            let end = Int64((record.endsAt.timeIntervalSince1970 * 1000).rounded())
            record.document["end_time"] = .int(end)
            record.document["run_duration"] = .int(end - start)
            record.document["setup_duration"] = .int(Int64(record.runningAt.timeIntervalSince1970 * 1000) - start)
            record.document["execution_duration"] = .int(end - Int64(record.runningAt.timeIntervalSince1970 * 1000))
            record.document["cleanup_duration"] = 0
        }
        state["user_cancelled_or_timedout"] = false
        record.document["state"] = .object(state)
        record.document["status"] = .object(status)
    }

    func settleRuns(now: Date) {
        state.withLockedValue { state in
            for var record in state.runs.values
            where !["TERMINATED", "SKIPPED", "INTERNAL_ERROR"].contains(record.lifeCycle) {
                Self.apply(&record, now: now)
                state.runs[String(record.id)] = record
            }
            // Parents carry their tasks' current documents.
            for var record in state.runs.values where !record.taskRunIds.isEmpty {
                record.document["tasks"] = .array(
                    record.taskRunIds.compactMap { state.runs[String($0)].map { .object($0.document) } })
                state.runs[String(record.id)] = record
            }
        }
    }

    func listRuns(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        var runs = state.withLockedValue { $0.runs.values.filter { $0.parentRunId == nil } }
        if let jobId = call.int("job_id") { runs = runs.filter { $0.document["job_id"]?.int == jobId } }
        if call.bool("active_only") == true {
            runs = runs.filter { !["TERMINATED", "SKIPPED", "INTERNAL_ERROR"].contains($0.lifeCycle) }
        }
        if call.bool("completed_only") == true {
            runs = runs.filter { ["TERMINATED", "SKIPPED", "INTERNAL_ERROR"].contains($0.lifeCycle) }
        }
        if let type = call.string("run_type") { runs = runs.filter { $0.document["run_type"]?.string == type } }
        runs.reverse()
        let expand = call.bool("expand_tasks") ?? false
        let values = runs.map { record -> JSONValue in
            var document = record.document
            if !expand { document["tasks"] = nil }
            return .object(document)
        }
        let page = DatabricksPage(values, call: call, defaultSize: 25, maximum: 25)
        return page.reply(itemsKey: "runs", hasMore: true)
    }

    func cancelRuns(_ call: DatabricksCall, jobId: Int64?) throws(DatabricksError) -> DatabricksReply {
        var ids: [Int64]
        if let jobId {
            _ = try job(jobId, expand: false)
            ids = state.withLockedValue { state in
                state.runs.values.filter { $0.document["job_id"]?.int == jobId && $0.parentRunId == nil }.map(\.id)
            }
        } else {
            ids = [try run(try call.requiredInt("run_id")).id]
        }
        let now = call.now
        state.withLockedValue { state in
            ids += ids.flatMap { state.runs[String($0)]?.taskRunIds ?? [] }
            for id in ids {
                guard var record = state.runs[String(id)],
                    !["TERMINATED", "SKIPPED", "INTERNAL_ERROR"].contains(record.lifeCycle)
                else { continue }
                record.document["state"] = [
                    "life_cycle_state": "TERMINATED", "result_state": "CANCELED",
                    "state_message": "Run cancelled.", "user_cancelled_or_timedout": true,
                ]
                record.document["status"] = [
                    "state": "TERMINATED", "termination_details": ["code": "USER_CANCELED", "type": "SUCCESS"],
                ]
                record.document["end_time"] = .millis(now)
                state.runs[String(id)] = record
            }
        }
        settleRuns(now: now)
        return .empty
    }

    func runOutput(_ id: Int64) throws(DatabricksError) -> DatabricksReply {
        var record = try run(id)
        if !record.taskRunIds.isEmpty {
            guard record.taskRunIds.count == 1 else {
                throw .invalidParameter(
                    "Retrieving the output of runs with multiple tasks is not supported. Please retrieve the output "
                        + "of each individual task run instead.")
            }
            record = try run(record.taskRunIds[0])
        }
        var output: JSONObject = ["metadata": .object(record.document)]
        guard record.lifeCycle == "TERMINATED" else { return .object(output) }
        if let error = record.outcome.error {
            output["error"] = .string(error)
            output["error_trace"] = .string("Traceback (most recent call last):\n  \(error)")
        } else if record.document["notebook_task"] != nil {
            output["notebook_output"] = ["result": .optional(record.outcome.exitValue), "truncated": false]
        } else {
            output["logs"] = ""
            output["logs_truncated"] = false
        }
        return .object(output)
    }

    func deleteRun(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let record = try run(try call.requiredInt("run_id"))
        guard ["TERMINATED", "SKIPPED", "INTERNAL_ERROR"].contains(record.lifeCycle) else {
            throw .invalidState("Run \(record.id) is still active and cannot be deleted.")
        }
        state.withLockedValue { state in
            for id in [record.id] + record.taskRunIds { state.runs[String(id)] = nil }
        }
        return .empty
    }
}
