import Foundation

/// Workspaces: create (validated against the emulated AWS), get, list, update with `update_mask`, delete.
extension DatabricksAccount {
    static var workspaceRoutes: [DatabricksRoute<DatabricksAccount>] {
        let base = "api/2.0/accounts/{account_id}/workspaces"
        return [
            .init(.POST, base) { try $0.createWorkspace($1) },
            .init(.GET, base) { account, _ in .json(.array(account.listWorkspaces())) },
            .init(.GET, "\(base)/{workspace_id}") { try .object($0.workspace($1.parameter("workspace_id"))) },
            .init(.PATCH, "\(base)/{workspace_id}") { try $0.updateWorkspace($1) },
            .init(.DELETE, "\(base)/{workspace_id}") { try $0.deleteWorkspace($1.parameter("workspace_id")) },
        ]
    }

    static let updatableWorkspaceFields = [
        "credentials_id", "storage_configuration_id", "network_id", "private_access_settings_id",
        "managed_services_customer_managed_key_id", "storage_customer_managed_key_id", "custom_tags",
        "workspace_name", "network_connectivity_config_id", "aws_region",
    ]

    // MARK: - Create

    func createWorkspace(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let name = try call.required("workspace_name")
        let region = try call.required("aws_region")
        guard call.string("credentials_id") != nil else { throw .missing("credentials_id") }
        var document = call.fields(Self.updatableWorkspaceFields + ["pricing_tier", "deployment_name", "compute_mode"])
        document["workspace_name"] = .string(name)
        let deployment =
            call.string("deployment_name") ?? "dbc-\(DatabricksIdentifiers.hex(8))-\(DatabricksIdentifiers.hex(4))"
        guard deployment.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }), deployment.count <= 64 else {
            throw .invalidParameter("Invalid deployment name: \(deployment)")
        }
        let taken = state.withLockedValue { $0.workspaces.values.contains { $0.deploymentName == deployment } }
        if taken { throw .alreadyExists("Deployment name \(deployment) is already in use.", status: .conflict) }
        if let refusal = DatabricksUnsupportedFeatures.refusal(
            document, fields: DatabricksUnsupportedFeatures.workspaceFields)
        {
            throw refusal
        }
        try checkReferences(document)
        try validateAWSSide(document, region: region)
        let workspaceId = DatabricksIdentifiers.number()
        document["workspace_id"] = .int(workspaceId)
        document["deployment_name"] = .string(deployment)
        document["account_id"] = .string(id)
        document["cloud"] = "aws"
        document["pricing_tier"] = document["pricing_tier"] ?? "ENTERPRISE"
        document["creation_time"] = .millis(call.now)
        document["workspace_status"] = "PROVISIONING"
        document["workspace_status_message"] = "Workspace resources are being set up."
        let record = WorkspaceRecord(
            document: document, readyAt: call.now.addingTimeInterval(configuration.timings.workspaceProvisioning))
        state.withLockedValue { state in
            state.workspaces[String(workspaceId)] = record
            if let network = document["network_id"]?.string, var object = state.networks[network] {
                object["workspace_id"] = .int(workspaceId)
                state.networks[network] = object
            }
        }
        return .object(presented(document))
    }

    /// A workspace as the API answers it: with its URL on this emulator's current address.
    func presented(_ document: JSONObject) -> JSONObject {
        var document = document
        if let deployment = document["deployment_name"]?.string {
            document["workspace_url"] = .string(workspaceURL(deploymentName: deployment))
        }
        return document
    }

    /// Every referenced configuration must exist.
    func checkReferences(_ document: JSONObject) throws(DatabricksError) {
        let references: [(String, ConfigurationKind)] = [
            ("credentials_id", Self.credentialsKind), ("storage_configuration_id", Self.storageKind),
            ("network_id", Self.networkKind), ("private_access_settings_id", Self.privateAccessKind),
            ("managed_services_customer_managed_key_id", Self.keyKind),
            ("storage_customer_managed_key_id", Self.keyKind),
        ]
        for (field, kind) in references {
            guard let value = document[field]?.string else { continue }
            let exists = state.withLockedValue { $0[keyPath: kind.table].contains(value) }
            if !exists { throw .invalidParameter("\(kind.noun) \(value) does not exist.") }
        }
        for (field, useCase) in [
            ("managed_services_customer_managed_key_id", "MANAGED_SERVICES"),
            ("storage_customer_managed_key_id", "STORAGE"),
        ] {
            guard let key = document[field]?.string,
                let object = state.withLockedValue({ $0.customerManagedKeys[key] })
            else { continue }
            if !(object["use_cases"]?.strings ?? []).contains(useCase) {
                throw .invalidParameter("Customer-managed key \(key) is not registered for \(useCase).")
            }
        }
    }

    /// What Databricks checks on AWS before it provisions: the role can be assumed with the account's external
    /// id, its policies allow what clusters need, and the root bucket's policy lets Databricks in.
    func validateAWSSide(_ document: JSONObject, region: String) throws(DatabricksError) {
        guard let message = awsSideProblem(document, region: region) else { return }
        throw .malformed(message)
    }

    /// The message of the first failed check, or `nil`.
    func awsSideProblem(_ document: JSONObject, region: String) -> String? {
        let (credentials, storage) = state.withLockedValue { state in
            (
                document["credentials_id"]?.string.flatMap { state.credentials[$0] },
                document["storage_configuration_id"]?.string.flatMap { state.storageConfigurations[$0] }
            )
        }
        if let roleArn = credentials?["aws_credentials"]?["sts_role"]?["role_arn"]?.string {
            let session: AWSCredential
            do {
                session = try validator.assumeCrossAccountRole(roleArn, region: region)
            } catch {
                return "Failed credential validation checks: please use a valid cross account IAM role with "
                    + "permissions setup correctly (\(error.message))"
            }
            let checks =
                document["network_id"] == nil
                ? CrossAccountCheck.databricksManagedVPC : CrossAccountCheck.customerManagedVPC
            let failed = validator.failedChecks(checks, session: session, region: region)
            if !failed.isEmpty {
                return "Failed credentials validation checks: " + failed.map(\.name).joined(separator: ", ")
            }
        }
        if let bucket = storage?["root_bucket_info"]?["bucket_name"]?.string,
            let problem = validator.storageProblems(bucket: bucket, region: region)
        {
            if let detail = problem.detail {
                return "Failed storage configuration validation checks: \(problem.message) (\(detail))"
            }
            return "Failed storage configuration validation checks: \(problem.message)"
        }
        return nil
    }

    // MARK: - Read

    func listWorkspaces() -> [JSONValue] {
        state.withLockedValue { state in
            state.workspaces.values.filter { $0.deletedAt == nil }.map { .object(presented($0.document)) }
        }
    }

    func workspace(_ id: String) throws(DatabricksError) -> JSONObject {
        guard let record = state.withLockedValue({ $0.workspaces[id] }) else {
            throw .notFound("Workspace \(id) does not exist.")
        }
        return presented(record.document)
    }

    // MARK: - Update

    func updateWorkspace(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let id = call.parameter("workspace_id")
        var record = try state.withLock { state throws(DatabricksError) in
            guard let record = state.workspaces[id], record.deletedAt == nil else {
                throw .notFound("Workspace \(id) does not exist.")
            }
            return record
        }
        guard ["RUNNING", "FAILED"].contains(record.status) else {
            throw .invalidState("Workspace \(id) is \(record.status) and cannot be updated until it is RUNNING.")
        }
        let mask = call.request.query("update_mask").map {
            $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        var fields = mask ?? Self.updatableWorkspaceFields.filter { call.body[$0] != nil }
        fields = fields.filter { $0 != "" }
        for field in fields where !Self.updatableWorkspaceFields.contains(field) {
            throw .invalidParameter("Field \(field) of a workspace cannot be updated.")
        }
        var document = record.document
        for field in fields {
            if let value = call.body[field], value != .null { document[field] = value } else { document[field] = nil }
        }
        try checkReferences(document)
        let region = document["aws_region"]?.string ?? ""
        try validateAWSSide(document, region: region)
        document["workspace_status"] = "PROVISIONING"
        document["workspace_status_message"] = "Workspace is being updated."
        record.document = document
        record.readyAt = call.now.addingTimeInterval(configuration.timings.workspaceProvisioning)
        let updated = record
        state.withLockedValue { $0.workspaces[id] = updated }
        return .object(presented(document))
    }

    // MARK: - Delete

    func deleteWorkspace(_ id: String) throws(DatabricksError) -> DatabricksReply {
        let now = clock.now()
        let workspaceId = try state.withLock { state throws(DatabricksError) -> Int64 in
            guard var record = state.workspaces[id], record.deletedAt == nil else {
                throw .notFound("Workspace \(id) does not exist.")
            }
            record.deletedAt = now
            record.document["workspace_status"] = "CANCELLING"
            record.document["workspace_status_message"] = "Workspace is being deleted."
            state.workspaces[id] = record
            for network in state.networks.values where network["workspace_id"]?.int == record.workspaceId {
                guard let networkId = network["network_id"]?.string else { continue }
                var updated = network
                updated["workspace_id"] = nil
                updated["vpc_status"] = "UNATTACHED"
                state.networks[networkId] = updated
            }
            state.assignments[record.workspaceId] = nil
            return record.workspaceId
        }
        hosts.withLockedValue { $0[workspaceId] = nil }
        tokens.removeAll(scope: .workspace(workspaceId))
        return .empty
    }
}
