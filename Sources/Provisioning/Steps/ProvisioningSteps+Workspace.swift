import CloudClients
import FeatureRunner
import Foundation

extension ProvisioningSteps {
    static func registerDatabricksWorkspace(_ steps: inout StepRegistrar) {
        steps.add(
            "I register instance profile {string} in workspace {string}",
            "Adds an instance profile (by the scenario's name or ARN) to the workspace.",
            example: #"When I register instance profile "data-access" in workspace "main""#
        ) { context, step in
            try await context.registerInstanceProfile(try step.argument(0), in: try step.argument(1))
        }
        steps.add(
            "registering instance profile {string} in workspace {string} fails with {string}",
            "Expects the workspace to refuse the instance profile, with this error code or text in the message.",
            example: #"Then registering instance profile "data-access" in workspace "main" fails with "PassRole""#
        ) { context, step in
            let expected = try step.string(2, in: context)
            do {
                try await context.registerInstanceProfile(try step.argument(0), in: try step.argument(1))
            } catch let error as DatabricksAPIError {
                try expect(
                    error.code == expected || error.message.localizedCaseInsensitiveContains(expected),
                    "the workspace refused with \(error.code): \(error.message), which is not \"\(expected)\"")
                return
            }
            throw StepFailure(
                "expected the workspace to refuse the instance profile with \"\(expected)\", but it took it")
        }
        steps.add(
            "I create a cluster {string} in workspace {string}",
            "Creates a one-worker cluster on an LTS runtime (started; the teardown deletes it).",
            example: #"When I create a cluster "etl" in workspace "main""#
        ) { context, step in
            try await context.createCluster(try step.argument(0), in: try step.argument(1), instanceProfile: nil)
        }
        steps.add(
            "I create a cluster {string} in workspace {string} with instance profile {string}",
            "Creates a cluster whose nodes run with an instance profile the workspace knows.",
            example: #"When I create a cluster "etl" in workspace "main" with instance profile "data-access""#
        ) { context, step in
            try await context.createCluster(
                try step.argument(0), in: try step.argument(1), instanceProfile: try step.argument(2))
        }
        steps.add(
            "cluster {string} in workspace {string} is {word}",
            "Waits until the cluster is in this state (RUNNING, TERMINATED, ERROR...).",
            example: #"Then cluster "etl" in workspace "main" is RUNNING"#
        ) { context, step in
            let cluster: String = try step.argument(0)
            let workspace: String = try step.argument(1)
            let expected: String = try step.argument(2)
            let id = try context.cluster(cluster, in: workspace)
            let client = try await context.workspaceClient(for: workspace)
            try await context.wait(
                for: "cluster \"\(cluster)\" (\(id))", toBe: expected,
                terminal: Set(["RUNNING", "TERMINATED", "ERROR"]).subtracting([expected.uppercased()])
            ) {
                let answer = try await client.json("GET", "/api/2.1/clusters/get", query: ["cluster_id": id])
                return (answer["state"] as? String ?? "UNKNOWN", answer["state_message"] as? String)
            }
        }
        steps.add(
            "I put secret {string} with value {string} in scope {string} of workspace {string}",
            "Stores a secret, creating the scope the first time (use ${env:NAME} to keep the value out of the file).",
            example:
                #"When I put secret "db-password" with value "${env:DB_PASSWORD}" in scope "app" of workspace "main""#
        ) { context, step in
            let workspace: String = try step.argument(3)
            let value = try step.string(1, in: context)
            step.redact(value)
            let scope = try step.string(2, in: context)
            try await context.ensureScope(scope, in: workspace)
            let client = try await context.workspaceClient(for: workspace)
            try await client.json(
                "POST", "/api/2.0/secrets/put",
                body: [
                    "scope": scope, "key": try step.string(0, in: context),
                    "string_value": value,
                ])
        }
        steps.add(
            "scope {string} of workspace {string} lists secret {string}",
            "Lists the scope's secrets (names only, never values) and looks for one.",
            example: #"Then scope "app" of workspace "main" lists secret "db-password""#
        ) { context, step in
            let scope = try step.string(0, in: context)
            let key = try step.string(2, in: context)
            let client = try await context.workspaceClient(for: try step.argument(1))
            let answer = try await client.json("GET", "/api/2.0/secrets/list", query: ["scope": scope])
            let keys = (answer["secrets"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
            try expect(keys.contains(key), "scope \"\(scope)\" lists \(keys) but not \"\(key)\"")
        }
        steps.add(
            "I import notebook {string} into workspace {string}:",
            "Imports the doc string as a notebook source (Python unless the doc string says sql, scala or r).",
            example: "When I import notebook \"etl\" into workspace \"main\":\n  \"\"\"python\n  print(1)\n  \"\"\""
        ) { context, step in
            try await context.importNotebook(try step.argument(0), into: try step.argument(1), step: step)
        }
        steps.add(
            "I run notebook {string} as a job in workspace {string}",
            "Submits a one-time job run of the notebook on a new cluster.",
            example: #"When I run notebook "etl" as a job in workspace "main""#
        ) { context, step in
            try await context.runNotebook(try step.argument(0), in: try step.argument(1))
        }
        steps.add(
            "the last job run in workspace {string} is {word}",
            "Waits for the last job run to end and compares its result (SUCCESS, FAILED...) or life-cycle state.",
            example: #"Then the last job run in workspace "main" is SUCCESS"#
        ) { context, step in
            try await context.waitForLastRun(in: try step.argument(0), toBe: try step.argument(1))
        }
    }
}
