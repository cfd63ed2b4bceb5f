import CloudClients
import Emulator
import Foundation
import Testing

/// Bearer tokens, OAuth M2M and the discovery documents, over the wire.
@Suite struct DatabricksAuthTests {
    @Test func discoveryDocumentsNameTheOIDCEndpoints() async throws {
        try await withEmulator { emulator, _ in
            let accountId = emulator.configuration.databricks.accountId
            let config = try await plainRequest(
                emulator.endpoint.appendingPathComponent("/.well-known/databricks-config"))
            let object = try #require(try JSONSerialization.jsonObject(with: config.body) as? [String: Any])
            let oidc = try #require(object["oidc_endpoint"] as? String)
            #expect(oidc == "\(emulator.endpoint.absoluteString)/oidc/accounts/\(accountId)")
            #expect(object["host_type"] as? String == "account")
            let discovery = try await plainRequest(URL(string: oidc + "/.well-known/oauth-authorization-server")!)
            let endpoints = try #require(try JSONSerialization.jsonObject(with: discovery.body) as? [String: Any])
            #expect(endpoints["token_endpoint"] as? String == oidc + "/v1/token")
        }
    }

    @Test func missingAndWrongTokensAreRefused() async throws {
        try await withEmulator { emulator, _ in
            let path = "/api/2.0/accounts/\(emulator.configuration.databricks.accountId)/workspaces"
            let missing = try await plainRequest(emulator.endpoint.appendingPathComponent(path))
            #expect(missing.status == 401)
            #expect(String(decoding: missing.body, as: UTF8.self).contains("UNAUTHENTICATED"))
            let wrong = try await DatabricksClient(host: emulator.endpoint, authentication: .token("dapi-wrong"))
                .send("GET", path)
            #expect(wrong.status == 401)
        }
    }

    @Test func oauthClientCredentialsWorkAndExpireOnTheClock() async throws {
        try await withEmulator { emulator, _ in
            let databricks = emulator.configuration.databricks
            let client = DatabricksClient(
                host: emulator.endpoint,
                authentication: .oauth(clientId: databricks.clientId, clientSecret: databricks.clientSecret))
            let path = "/api/2.0/accounts/\(databricks.accountId)/credentials"
            let before = try await client.list(path)
            #expect(before.isEmpty)
            emulator.clock.advance(by: 3601)
            // The client still holds the token (by wall time); the emulator's clock says it expired.
            let after = try await client.send("GET", path)
            #expect(after.status == 401)
            let wrong = DatabricksClient(
                host: emulator.endpoint, authentication: .oauth(clientId: databricks.clientId, clientSecret: "nope"))
            let failure = await databricksError { try await wrong.list(path) }
            #expect(failure?.status == 401)
            #expect(failure?.code == "invalid_client")
        }
    }

    @Test func workspaceTokensAreValidOnlyOnTheirWorkspace() async throws {
        try await withEmulator { emulator, _ in
            let harness = DatabricksHarness(emulator)
            let first = try await harness.runningWorkspace()
            let second = try await harness.runningWorkspace()
            let created = try await harness.workspace(first.url).json(
                "POST", "/api/2.0/token/create", body: ["comment": "test", "lifetime_seconds": 60])
            let token = try #require(created["token_value"] as? String)
            #expect(token.hasPrefix("dapi"))
            let own = DatabricksClient(host: first.url, authentication: .token(token))
            let me = try await own.send("GET", "/api/2.0/preview/scim/v2/Me")
            #expect(me.status == 200)
            #expect(me.headers["x-databricks-org-id"] == String(first.id))
            let other = try await DatabricksClient(host: second.url, authentication: .token(token))
                .send("GET", "/api/2.0/preview/scim/v2/Me")
            #expect(other.status == 403)
            emulator.clock.advance(by: 61)
            #expect(try await own.send("GET", "/api/2.0/preview/scim/v2/Me").status == 403)
        }
    }
}

/// Bad input to the Databricks APIs gets Databricks' errors, never a 500.
@Suite struct DatabricksBadInputTests {
    @Test func malformedBodiesAndOversizedRequestsAreRefusedInJSON() async throws {
        try await withEmulator({ $0.limits.maxBodySize = 1024 }) { emulator, _ in
            let databricks = emulator.configuration.databricks
            let url = emulator.endpoint.appendingPathComponent("/api/2.0/accounts/\(databricks.accountId)/credentials")
            let headers = ["Authorization": "Bearer \(databricks.token)", "Content-Type": "application/json"]
            for body in ["{not json", "[1, 2]", "\"text\""] {
                let answer = try await plainRequest(url, method: "POST", body: Data(body.utf8), headers: headers)
                #expect(answer.status == 400)
                let object = try JSONSerialization.jsonObject(with: answer.body) as? [String: Any]
                #expect(object?["error_code"] as? String == "MALFORMED_REQUEST")
            }
            let large = try await plainRequest(
                url, method: "POST", body: Data(repeating: 0x20, count: 4096), headers: headers)
            #expect(large.status == 413)
            let object = try JSONSerialization.jsonObject(with: large.body) as? [String: Any]
            #expect(object?["error_code"] as? String == "REQUEST_LIMIT_EXCEEDED")
            let unknownAccount = try await plainRequest(
                emulator.endpoint.appendingPathComponent("/api/2.0/accounts/other/workspaces"), headers: headers)
            #expect(unknownAccount.status == 403)
        }
    }
}

/// The Databricks error a call throws, or `nil` when it succeeds.
func databricksError<T>(_ body: () async throws -> T) async -> DatabricksAPIError? {
    do {
        _ = try await body()
        return nil
    } catch let error as DatabricksAPIError {
        return error
    } catch {
        return DatabricksAPIError(status: 0, code: "\(error)", message: "")
    }
}

/// Faults injected into the Databricks APIs, answered in Databricks JSON and retried by clients.
@Suite struct DatabricksFaultTests {
    @Test func clientsRetryThroughInjected503AndSeeTheJSONError() async throws {
        try await withEmulator { emulator, _ in
            let harness = DatabricksHarness(emulator)
            emulator.faults.add(
                FaultRule(
                    service: "databricks", operation: "GET workspaces",
                    error: .init(status: 503, code: "TEMPORARILY_UNAVAILABLE", retryAfter: 0), count: 2))
            let listed = try await harness.account.list("\(harness.accountPath)/workspaces")
            #expect(listed.isEmpty)
            #expect(emulator.faults.current.first?.hits == 2)
            emulator.faults.add(
                FaultRule(
                    service: "databricks", pathPattern: "*/credentials",
                    error: .init(status: 429, code: "REQUEST_LIMIT_EXCEEDED", message: "slow down", retryAfter: 3)))
            var impatient = harness.account
            impatient.transport.retry = .none
            let answer = try await impatient.send("GET", "\(harness.accountPath)/credentials")
            #expect(answer.status == 429)
            #expect(answer.headers["retry-after"] == "3")
            #expect(answer.object?["error_code"] as? String == "REQUEST_LIMIT_EXCEEDED")
            #expect(emulator.databricksWorkspaces.isEmpty)
        }
    }
}
