import CloudClients
import Emulator
import Foundation
import Testing

@Suite("Databricks state across restarts")
struct DatabricksPersistenceTests {
    @Test("workspaces, their clusters, secrets and tokens survive a restart with a state directory")
    func restart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brickyard-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (workspaceId, clusterId, token) = try await withEmulator({ $0.stateDirectory = directory }) { emulator, _ in
            let harness = DatabricksHarness(emulator)
            let (id, url, _) = try await harness.runningWorkspace()
            let workspace = harness.workspace(url)
            let cluster = try await workspace.json(
                "POST", "/api/2.1/clusters/create",
                body: ["spark_version": "15.4.x-scala2.12", "node_type_id": "i3.xlarge", "num_workers": 1])
            try await workspace.json("POST", "/api/2.0/secrets/scopes/create", body: ["scope": "kept"])
            try await workspace.json(
                "POST", "/api/2.0/secrets/put", body: ["scope": "kept", "key": "k", "string_value": "v"])
            let created = try await workspace.json("POST", "/api/2.0/token/create", body: ["comment": "kept"])
            return (id, cluster["cluster_id"] as! String, created["token_value"] as! String)
        }
        try await withEmulator({ $0.stateDirectory = directory }) { emulator, _ in
            let harness = DatabricksHarness(emulator)
            let found = try await harness.account.json("GET", "\(harness.accountPath)/workspaces/\(workspaceId)")
            #expect(found["workspace_status"] as? String == "RUNNING")
            let url = try #require((found["workspace_url"] as? String).flatMap(URL.init(string:)))
            #expect(url.absoluteString.hasPrefix(emulator.endpoint.absoluteString))
            let workspace = DatabricksClient(host: url, authentication: .token(token))
            let cluster = try await workspace.json("GET", "/api/2.1/clusters/get", query: ["cluster_id": clusterId])
            #expect(cluster["cluster_id"] as? String == clusterId)
            let secret = try await workspace.json("GET", "/api/2.0/secrets/get", query: ["scope": "kept", "key": "k"])
            #expect(secret["value"] as? String == Data("v".utf8).base64EncodedString())
        }
    }
}
