import CloudClients
import Emulator
import Foundation
import Testing

/// A workspace's APIs over the wire, with lifecycles stepped on the emulator's clock. The emulators run with realistic
/// timings (a cluster takes five minutes to start), so that a transitional state checked right after a request is
/// still there however slowly the test runs; the clock is moved on explicitly.
@Suite struct DatabricksWorkspaceTests {
    @Test func clusterLifecycleFollowsTheClock() async throws {
        try await withEmulator({ $0.databricks.timings = .realistic }) { emulator, _ in
            let harness = DatabricksHarness(emulator)
            let workspace = harness.workspace(try await harness.runningWorkspace().url)
            let timings = emulator.configuration.databricks.timings
            let created = try await workspace.json(
                "POST", "/api/2.1/clusters/create",
                body: [
                    "cluster_name": "c", "spark_version": "15.4.x-scala2.12", "node_type_id": "i3.xlarge",
                    "num_workers": 2,
                ])
            let id = try #require(created["cluster_id"] as? String)
            func state() async throws -> String? {
                try await workspace.json("GET", "/api/2.1/clusters/get", query: ["cluster_id": id])["state"] as? String
            }
            #expect(try await state() == "PENDING")
            emulator.clock.advance(by: timings.clusterStart)
            #expect(try await state() == "RUNNING")
            try await workspace.json("POST", "/api/2.1/clusters/resize", body: ["cluster_id": id, "num_workers": 4])
            #expect(try await state() == "RESIZING")
            emulator.clock.advance(by: timings.clusterStart)
            #expect(try await state() == "RUNNING")
            try await workspace.json("POST", "/api/2.0/clusters/delete", body: ["cluster_id": id])
            #expect(try await state() == "TERMINATING")
            emulator.clock.advance(by: timings.clusterTermination)
            #expect(try await state() == "TERMINATED")
            let events = try await workspace.json("POST", "/api/2.1/clusters/events", body: ["cluster_id": id])
            #expect((events["events"] as? [Any])?.count ?? 0 >= 5)
            let missing = await databricksError {
                try await workspace.json("GET", "/api/2.1/clusters/get", query: ["cluster_id": "nope"])
            }
            #expect(missing?.code == "INVALID_PARAMETER_VALUE")
            #expect(missing?.message == "Cluster nope does not exist")
            let badVersion = await databricksError {
                try await workspace.json(
                    "POST", "/api/2.1/clusters/create",
                    body: ["spark_version": "1.0.x", "node_type_id": "i3.xlarge", "num_workers": 1])
            }
            #expect(badVersion?.code == "INVALID_PARAMETER_VALUE")
        }
    }

    @Test func instanceProfileDryRunNeedsPassRole() async throws {
        try await withEmulator({ $0.databricks.timings = .realistic }) { emulator, _ in
            let harness = DatabricksHarness(emulator)
            let (_, url, side) = try await harness.runningWorkspace()
            let workspace = harness.workspace(url)
            let trust =
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
            let roleArn = try await harness.identities.role("data-role", trust: trust)
            let iam = harness.identities.iam()
            let profile = try await iam.call("CreateInstanceProfile", [("InstanceProfileName", "data-profile")])
            let profileArn = try #require(profile.child("InstanceProfile")?.text(of: "Arn"))
            _ = try await iam.call(
                "AddRoleToInstanceProfile", [("InstanceProfileName", "data-profile"), ("RoleName", "data-role")])
            let refused = await databricksError {
                try await workspace.json(
                    "POST", "/api/2.0/instance-profiles/add", body: ["instance_profile_arn": profileArn])
            }
            #expect(refused?.code == "DRY_RUN_FAILED")
            #expect(refused?.message.hasPrefix("Verification of the instance profile failed. AWS error:") == true)
            let pass =
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"\#(roleArn)"}]}"#
            _ = try await iam.call(
                "PutRolePolicy", [("RoleName", side.roleName), ("PolicyName", "pass"), ("PolicyDocument", pass)])
            try await workspace.json(
                "POST", "/api/2.0/instance-profiles/add", body: ["instance_profile_arn": profileArn])
            let untrusted = try await harness.identities.role(
                "lambda-role",
                trust:
                    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
            )
            _ = untrusted
            _ = try await iam.call("CreateInstanceProfile", [("InstanceProfileName", "lambda-profile")])
            _ = try await iam.call(
                "AddRoleToInstanceProfile", [("InstanceProfileName", "lambda-profile"), ("RoleName", "lambda-role")])
            let notEC2 = await databricksError {
                try await workspace.json(
                    "POST", "/api/2.0/instance-profiles/add",
                    body: [
                        "instance_profile_arn": profileArn.replacingOccurrences(
                            of: "data-profile", with: "lambda-profile")
                    ])
            }
            #expect(notEC2?.message.contains("does not trust ec2.amazonaws.com") == true)
            let listed = try await workspace.json("GET", "/api/2.0/instance-profiles/list")
            #expect(
                (listed["instance_profiles"] as? [[String: Any]])?.first?["instance_profile_arn"] as? String
                    == profileArn)
            let skipped = try await workspace.send(
                "POST", "/api/2.0/instance-profiles/add",
                body: [
                    "instance_profile_arn": "arn:aws:iam::000000000000:instance-profile/none", "skip_validation": true,
                ])
            #expect(skipped.status == 200)
        }
    }

    @Test func jobsRunNotebooksToSuccessOrFailure() async throws {
        try await withEmulator({ $0.databricks.timings = .realistic }) { emulator, _ in
            let harness = DatabricksHarness(emulator)
            let workspace = harness.workspace(try await harness.runningWorkspace().url)
            let timings = emulator.configuration.databricks.timings
            for (name, source) in [("ok", "dbutils.notebook.exit(\"42\")"), ("bad", "raise RuntimeError(\"boom\")")] {
                try await workspace.json(
                    "POST", "/api/2.0/workspace/import",
                    body: [
                        "path": "/Shared/\(name)", "format": "SOURCE", "language": "PYTHON",
                        "content": Data(source.utf8).base64EncodedString(),
                    ])
            }
            let job = try await workspace.json(
                "POST", "/api/2.2/jobs/create",
                body: [
                    "name": "nightly",
                    "tasks": [["task_key": "main", "notebook_task": ["notebook_path": "/Shared/ok"]]],
                ])
            let jobId = try #require(job["job_id"] as? NSNumber)
            let run = try await workspace.json("POST", "/api/2.2/jobs/run-now", body: ["job_id": jobId])
            let runId = try #require(run["run_id"] as? NSNumber)
            func lifeCycle(_ id: NSNumber) async throws -> [String: Any] {
                let run = try await workspace.json("GET", "/api/2.2/jobs/runs/get", query: ["run_id": "\(id)"])
                return run["state"] as? [String: Any] ?? [:]
            }
            #expect(try await lifeCycle(runId)["life_cycle_state"] as? String == "PENDING")
            emulator.clock.advance(by: timings.runStart)
            #expect(try await lifeCycle(runId)["life_cycle_state"] as? String == "RUNNING")
            emulator.clock.advance(by: timings.runDuration)
            #expect(try await lifeCycle(runId)["result_state"] as? String == "SUCCESS")
            let output = try await workspace.json("GET", "/api/2.2/jobs/runs/get-output", query: ["run_id": "\(runId)"])
            #expect((output["notebook_output"] as? [String: Any])?["result"] as? String == "42")

            let submitted = try await workspace.json(
                "POST", "/api/2.1/jobs/runs/submit",
                body: [
                    "run_name": "once",
                    "tasks": [["task_key": "t", "notebook_task": ["notebook_path": "/Shared/bad"]]],
                ])
            let failedId = try #require(submitted["run_id"] as? NSNumber)
            emulator.clock.advance(by: timings.runStart + timings.runDuration)
            #expect(try await lifeCycle(failedId)["result_state"] as? String == "FAILED")
            let failedOutput = try await workspace.json(
                "GET", "/api/2.1/jobs/runs/get-output", query: ["run_id": "\(failedId)"])
            #expect((failedOutput["error"] as? String)?.contains("boom") == true)
            let missing = await databricksError {
                try await workspace.json("GET", "/api/2.2/jobs/get", query: ["job_id": "1"])
            }
            #expect(missing?.code == "INVALID_PARAMETER_VALUE")
        }
    }

    @Test func secretsObjectsAndDBFS() async throws {
        try await withEmulator({ $0.databricks.timings = .realistic }) { emulator, _ in
            let harness = DatabricksHarness(emulator)
            let workspace = harness.workspace(try await harness.runningWorkspace().url)
            try await workspace.json("POST", "/api/2.0/secrets/scopes/create", body: ["scope": "s"])
            try await workspace.json(
                "POST", "/api/2.0/secrets/put", body: ["scope": "s", "key": "k", "string_value": "v"])
            let listed = try await workspace.send("GET", "/api/2.0/secrets/list", query: ["scope": "s"])
            #expect(!String(decoding: listed.body, as: UTF8.self).contains("\"v\""))
            let secret = try await workspace.json("GET", "/api/2.0/secrets/get", query: ["scope": "s", "key": "k"])
            #expect(secret["value"] as? String == Data("v".utf8).base64EncodedString())

            let missingParent = await databricksError {
                try await workspace.json(
                    "POST", "/api/2.0/workspace/import",
                    body: ["path": "/nowhere/x", "format": "SOURCE", "language": "SQL", "content": ""])
            }
            #expect(missingParent?.code == "RESOURCE_DOES_NOT_EXIST")

            try await workspace.json(
                "POST", "/api/2.0/dbfs/put",
                body: ["path": "dbfs:/tmp/a.txt", "contents": Data("hello".utf8).base64EncodedString()])
            let read = try await workspace.json("GET", "/api/2.0/dbfs/read", query: ["path": "/tmp/a.txt"])
            #expect(read["data"] as? String == Data("hello".utf8).base64EncodedString())
            let again = await databricksError {
                try await workspace.json("POST", "/api/2.0/dbfs/put", body: ["path": "/tmp/a.txt", "contents": ""])
            }
            #expect(again?.code == "RESOURCE_ALREADY_EXISTS")
            let unknown = await databricksError { try await workspace.json("GET", "/api/2.0/nothing/here") }
            #expect(unknown?.code == "ENDPOINT_NOT_FOUND")
        }
    }

    @Test func poolsLibrariesAndPermissions() async throws {
        try await withEmulator({ $0.databricks.timings = .realistic }) { emulator, _ in
            let harness = DatabricksHarness(emulator)
            let workspace = harness.workspace(try await harness.runningWorkspace().url)
            let pool = try await workspace.json(
                "POST", "/api/2.0/instance-pools/create",
                body: ["instance_pool_name": "p", "node_type_id": "m5d.large"])
            let poolId = try #require(pool["instance_pool_id"] as? String)
            let cluster = try await workspace.json(
                "POST", "/api/2.1/clusters/create",
                body: ["spark_version": "15.4.x-scala2.12", "instance_pool_id": poolId, "num_workers": 1])
            let clusterId = try #require(cluster["cluster_id"] as? String)
            try await workspace.json(
                "POST", "/api/2.0/libraries/install",
                body: ["cluster_id": clusterId, "libraries": [["pypi": ["package": "rich"]]]])
            let pending = try await workspace.json(
                "GET", "/api/2.0/libraries/cluster-status", query: ["cluster_id": clusterId])
            let statuses = pending["library_statuses"] as? [[String: Any]]
            #expect(statuses?.first?["status"] as? String == "PENDING")
            let bad = await databricksError {
                try await workspace.json(
                    "POST", "/api/2.0/libraries/install",
                    body: ["cluster_id": clusterId, "libraries": [["pypi": ["package": "a"], "jar": "b.jar"]]])
            }
            #expect(bad?.code == "INVALID_PARAMETER_VALUE")

            let set = try await workspace.json(
                "PUT", "/api/2.0/permissions/clusters/\(clusterId)",
                body: ["access_control_list": [["group_name": "users", "permission_level": "CAN_ATTACH_TO"]]])
            #expect(set["object_id"] as? String == "/clusters/\(clusterId)")
            let wrongLevel = await databricksError {
                try await workspace.json(
                    "PATCH", "/api/2.0/permissions/clusters/\(clusterId)",
                    body: ["access_control_list": [["group_name": "users", "permission_level": "CAN_USE"]]])
            }
            #expect(wrongLevel?.code == "INVALID_PARAMETER_VALUE")
            let missing = await databricksError {
                try await workspace.json("GET", "/api/2.0/permissions/jobs/42")
            }
            #expect(missing?.status == 404)
        }
    }
}
