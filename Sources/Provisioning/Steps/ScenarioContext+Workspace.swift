import CloudClients
import FeatureRunner
import Foundation

extension ScenarioContext {
    /// An instance profile by the scenario's name, or an ARN.
    func instanceProfileARN(_ logical: String) throws -> String {
        let expanded = try expand(logical)
        if expanded.hasPrefix("arn:") {
            guard let arn = ARN(expanded), arn.service == "iam", arn.resource.hasPrefix("instance-profile/") else {
                throw StepFailure(
                    "\"\(expanded)\" is not an instance profile ARN; it looks like "
                        + "arn:aws:iam::123456789012:instance-profile/NAME")
            }
            return expanded
        }
        return try lookup(
            expanded, \.instanceProfiles, noun: "instance profile",
            how: "Given an instance profile \"\(expanded)\" for role \"...\""
        ).arn
    }

    func registerInstanceProfile(_ profile: String, in workspace: String) async throws {
        let arn = try instanceProfileARN(profile)
        let client = try await workspaceClient(for: workspace)
        try await client.json("POST", "/api/2.0/instance-profiles/add", body: ["instance_profile_arn": arn])
        ledger.record(
            .instanceProfileRegistration, logical: profile, physical: arn,
            cleanup: .databricksWorkspace(host: client.host.absoluteString, ["instance-profiles", "remove", arn])
        ) {
            try await client.json("POST", "/api/2.0/instance-profiles/remove", body: ["instance_profile_arn": arn])
        }
    }

    func cluster(_ logical: String, in workspace: String) throws -> String {
        try lookup(
            "\(workspace)/\(logical)", \.clusters, noun: "cluster",
            how: "When I create a cluster \"\(logical)\" in workspace \"\(workspace)\"")
    }

    /// The runtime and node type new clusters use: the newest LTS runtime and a general-purpose node type the
    /// workspace offers.
    func clusterDefaults(_ client: DatabricksClient) async throws -> (sparkVersion: String, nodeType: String) {
        let versions =
            try await client.json("GET", "/api/2.1/clusters/spark-versions")["versions"] as? [[String: Any]] ?? []
        let plain = versions.filter {
            let name = $0["name"] as? String ?? ""
            return name.contains("LTS") && !name.contains("ML") && !name.contains("GPU") && !name.contains("Photon")
        }
        let keys = (plain.isEmpty ? versions : plain).compactMap { $0["key"] as? String }.sorted {
            $0.compare($1, options: .numeric) == .orderedDescending
        }
        let types =
            try await client.json("GET", "/api/2.1/clusters/list-node-types")["node_types"] as? [[String: Any]] ?? []
        let ids = types.compactMap { $0["node_type_id"] as? String }
        guard let version = keys.first,
            let node = ["i3.xlarge", "m5d.large", "m5.large"].first(where: ids.contains) ?? ids.first
        else {
            throw StepFailure("the workspace lists no Spark versions or node types")
        }
        return (version, node)
    }

    func newClusterSpec(_ client: DatabricksClient, instanceProfile: String?) async throws -> [String: Any] {
        let (version, node) = try await clusterDefaults(client)
        var spec: [String: Any] = [
            "spark_version": version, "node_type_id": node, "num_workers": 1, "autotermination_minutes": 20,
        ]
        if let instanceProfile { spec["aws_attributes"] = ["instance_profile_arn": instanceProfile] }
        return spec
    }

    func createCluster(_ logical: String, in workspace: String, instanceProfile: String?) async throws {
        try claim("\(workspace)/\(logical)", in: \.clusters, noun: "cluster")
        let client = try await workspaceClient(for: workspace)
        var spec = try await newClusterSpec(client, instanceProfile: try instanceProfile.map(instanceProfileARN))
        spec["cluster_name"] = names.physical(logical, .cluster)
        // On AWS the cluster's instances carry the tags too, so leftovers are found by the run id.
        spec["custom_tags"] = names.tags
        let answer = try await client.json("POST", "/api/2.1/clusters/create", body: spec)
        guard let id = answer["cluster_id"] as? String else { throw StepFailure("the answer has no cluster_id") }
        ledger.record(
            .cluster, logical: logical, physical: id,
            cleanup: .databricksWorkspace(host: client.host.absoluteString, ["clusters", "permanent-delete", id])
        ) {
            try await client.json("POST", "/api/2.1/clusters/permanent-delete", body: ["cluster_id": id])
        }
        state.withLock { $0.clusters["\(workspace)/\(logical)"] = id }
    }

    func ensureScope(_ scope: String, in workspace: String) async throws {
        if state.withLock({ $0.scopes[workspace]?.contains(scope) ?? false }) { return }
        let client = try await workspaceClient(for: workspace)
        let response = try await client.send("POST", "/api/2.0/secrets/scopes/create", body: ["scope": scope])
        // A scope that already exists (made outside the scenario) is used as it is, and not deleted afterwards.
        if response.errorCode != "RESOURCE_ALREADY_EXISTS" { try DatabricksClient.check(response) }
        if response.status < 300 {
            ledger.record(
                .secretScope, logical: scope, physical: scope,
                cleanup: .databricksWorkspace(host: client.host.absoluteString, ["secrets", "delete-scope", scope])
            ) {
                try await client.json("POST", "/api/2.0/secrets/scopes/delete", body: ["scope": scope])
            }
        }
        state.withLock { _ = $0.scopes[workspace, default: []].insert(scope) }
    }

    /// Where the run's notebooks live in a workspace.
    static let notebookFolder = "/Shared/brickyard"

    func importNotebook(_ logical: String, into workspace: String, step: StepCall) async throws {
        guard let docString = step.docString else {
            throw StepFailure("this step needs the notebook's source as a doc string (\"\"\"python ... \"\"\")")
        }
        let languages = ["python": "PYTHON", "py": "PYTHON", "sql": "SQL", "scala": "SCALA", "r": "R", "": "PYTHON"]
        let mediaType = (docString.mediaType ?? "").lowercased()
        guard let language = languages[mediaType] else {
            throw StepFailure(
                "the doc string's type \"\(mediaType)\" is not a notebook language; write python, sql, scala or r "
                    + "after the opening \"\"\"")
        }
        let client = try await workspaceClient(for: workspace)
        let path = "\(Self.notebookFolder)/\(names.physical(logical, .notebook))"
        try await client.json("POST", "/api/2.0/workspace/mkdirs", body: ["path": Self.notebookFolder])
        try await client.json(
            "POST", "/api/2.0/workspace/import",
            body: [
                "path": path, "format": "SOURCE", "language": language, "overwrite": true,
                "content": Data(try expand(docString.content).utf8).base64EncodedString(),
            ])
        ledger.record(
            .notebook, logical: logical, physical: path,
            cleanup: .databricksWorkspace(host: client.host.absoluteString, ["workspace", "delete", path])
        ) {
            try await client.json("POST", "/api/2.0/workspace/delete", body: ["path": path])
        }
        state.withLock { $0.notebooks["\(workspace)/\(logical)"] = path }
    }

    func runNotebook(_ logical: String, in workspace: String) async throws {
        let path = try lookup(
            "\(workspace)/\(logical)", \.notebooks, noun: "notebook",
            how: "When I import notebook \"\(logical)\" into workspace \"\(workspace)\":")
        let client = try await workspaceClient(for: workspace)
        let cluster = try await newClusterSpec(client, instanceProfile: nil)
        let answer = try await client.json(
            "POST", "/api/2.1/jobs/runs/submit",
            body: [
                "run_name": names.physical(logical, .jobRun),
                "tasks": [["task_key": "notebook", "notebook_task": ["notebook_path": path], "new_cluster": cluster]],
            ])
        guard let id = (answer["run_id"] as? NSNumber)?.int64Value else {
            throw StepFailure("the answer has no run_id")
        }
        ledger.record(
            .jobRun, logical: logical, physical: String(id), cleanup: .nothing("a finished job run holds nothing")
        ) {
            _ = try? await client.json("POST", "/api/2.1/jobs/runs/cancel", body: ["run_id": id])
        }
        state.withLock { $0.lastRuns[workspace] = id }
    }

    func waitForLastRun(in workspace: String, toBe expected: String) async throws {
        guard let id = state.withLock({ $0.lastRuns[workspace] }) else {
            throw StepFailure(
                "no job ran in workspace \"\(workspace)\" in this scenario; first: When I run notebook \"NAME\" as a "
                    + "job in workspace \"\(workspace)\"")
        }
        let client = try await workspaceClient(for: workspace)
        let ended: Set<String> = ["TERMINATED", "SKIPPED", "INTERNAL_ERROR"]
        try await wait(
            for: "job run \(id) in workspace \"\(workspace)\"", toBe: expected,
            terminal: Set(["SUCCESS", "FAILED", "TIMEDOUT", "CANCELED", "TERMINATED", "SKIPPED", "INTERNAL_ERROR"])
                .subtracting([expected.uppercased()])
        ) {
            let answer = try await client.json("GET", "/api/2.1/jobs/runs/get", query: ["run_id": String(id)])
            let state = answer["state"] as? [String: Any] ?? [:]
            let lifeCycle = state["life_cycle_state"] as? String ?? "UNKNOWN"
            let message = state["state_message"] as? String
            guard ended.contains(lifeCycle) else { return (lifeCycle, message) }
            if expected == lifeCycle { return (lifeCycle, message) }
            return (state["result_state"] as? String ?? lifeCycle, message)
        }
    }
}
