import CloudClients
import FeatureRunner
import Foundation

extension ScenarioContext {
    /// The account API's description of a workspace the scenario created.
    func workspaceDocument(_ logical: String) async throws -> [String: Any] {
        let reference = try workspace(logical)
        guard let id = reference.id else {
            throw StepFailure(
                "workspace \"\(logical)\" was not created: \(reference.refusal ?? "its creation was refused")")
        }
        return try await account.json("GET", "\(accountPath)/workspaces/\(id)")
    }

    /// The workspace's network has VPC endpoints for the REST API and the secure cluster connectivity relay, and its
    /// private access settings close public access.
    func expectPrivateLink(_ logical: String) async throws {
        let workspace = try await workspaceDocument(logical)
        guard let networkId = workspace["network_id"] as? String else {
            throw StepFailure("workspace \"\(logical)\" has no network configuration (a Databricks-managed VPC)")
        }
        let network = try await account.json("GET", "\(accountPath)/networks/\(networkId)")
        let endpoints = network["vpc_endpoints"] as? [String: Any] ?? [:]
        for group in ["rest_api", "dataplane_relay"] where (endpoints[group] as? [String] ?? []).isEmpty {
            throw StepFailure(
                "the network \(networkId) of workspace \"\(logical)\" has no \(group) VPC endpoint, so traffic "
                    + "does not go through PrivateLink")
        }
        guard let settingsId = workspace["private_access_settings_id"] as? String else {
            throw StepFailure("workspace \"\(logical)\" has no private access settings: it is reachable publicly")
        }
        let settings = try await account.json("GET", "\(accountPath)/private-access-settings/\(settingsId)")
        try expect(
            settings["public_access_enabled"] as? Bool == false,
            "the private access settings \(settingsId) of workspace \"\(logical)\" allow public access")
    }

    /// The workspace names customer-managed keys for managed services and for storage, registered for those uses.
    func expectCustomerManagedKeys(_ logical: String) async throws {
        let workspace = try await workspaceDocument(logical)
        for (field, useCase) in [
            ("managed_services_customer_managed_key_id", "MANAGED_SERVICES"),
            ("storage_customer_managed_key_id", "STORAGE"),
        ] {
            guard let keyId = workspace[field] as? String else {
                throw StepFailure("workspace \"\(logical)\" has no \(field): \(useCase) uses Databricks' own key")
            }
            let key = try await account.json("GET", "\(accountPath)/customer-managed-keys/\(keyId)")
            let useCases = key["use_cases"] as? [String] ?? []
            try expect(
                useCases.contains(useCase),
                "key \(keyId) of workspace \"\(logical)\" is registered for \(useCases), not \(useCase)")
        }
    }
}
