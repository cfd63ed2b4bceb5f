import Foundation

/// The account's configuration objects: credentials, storage configurations, networks, customer-managed keys,
/// private access settings and VPC endpoint registrations. Each is created, read, listed (as a bare array) and
/// deleted the same way; what differs is the validation.
extension DatabricksAccount {
    typealias Table = WritableKeyPath<AccountState, DatabricksTable<JSONObject>> & Sendable

    /// A kind of configuration: where it is kept, its id field, and the workspace field that references it.
    struct ConfigurationKind: Sendable {
        var table: Table
        var idField: String
        var noun: String
        var workspaceFields: [String]
    }

    static let credentialsKind = ConfigurationKind(
        table: \.credentials, idField: "credentials_id", noun: "Credential configuration",
        workspaceFields: ["credentials_id"])
    static let storageKind = ConfigurationKind(
        table: \.storageConfigurations, idField: "storage_configuration_id", noun: "Storage configuration",
        workspaceFields: ["storage_configuration_id"])
    static let networkKind = ConfigurationKind(
        table: \.networks, idField: "network_id", noun: "Network", workspaceFields: ["network_id"])
    static let keyKind = ConfigurationKind(
        table: \.customerManagedKeys, idField: "customer_managed_key_id", noun: "Customer-managed key",
        workspaceFields: ["managed_services_customer_managed_key_id", "storage_customer_managed_key_id"])
    static let privateAccessKind = ConfigurationKind(
        table: \.privateAccessSettings, idField: "private_access_settings_id", noun: "Private access settings",
        workspaceFields: ["private_access_settings_id"])
    static let vpcEndpointKind = ConfigurationKind(
        table: \.vpcEndpoints, idField: "vpc_endpoint_id", noun: "VPC endpoint", workspaceFields: [])

    static var configurationRoutes: [DatabricksRoute<DatabricksAccount>] {
        let base = "api/2.0/accounts/{account_id}"
        var routes: [DatabricksRoute<DatabricksAccount>] = [
            .init(.POST, "\(base)/credentials") { try $0.createCredentials($1) },
            .init(.POST, "\(base)/storage-configurations") { try $0.createStorageConfiguration($1) },
            .init(.POST, "\(base)/networks") { try $0.createNetwork($1) },
            .init(.POST, "\(base)/customer-managed-keys") { try $0.createKey($1) },
            .init(.POST, "\(base)/private-access-settings") { try $0.createPrivateAccessSettings($1, id: nil) },
            .init(.PUT, "\(base)/private-access-settings/{id}") {
                try $0.createPrivateAccessSettings($1, id: $1.parameter("id"))
            },
            .init(.POST, "\(base)/vpc-endpoints") { try $0.createVpcEndpoint($1) },
        ]
        let kinds: [(String, ConfigurationKind)] = [
            ("credentials", credentialsKind), ("storage-configurations", storageKind), ("networks", networkKind),
            ("customer-managed-keys", keyKind), ("private-access-settings", privateAccessKind),
            ("vpc-endpoints", vpcEndpointKind),
        ]
        for (path, kind) in kinds {
            routes.append(.init(.GET, "\(base)/\(path)") { account, _ in .json(.array(account.list(kind))) })
            routes.append(.init(.GET, "\(base)/\(path)/{id}") { try $0.get(kind, $1.parameter("id")) })
            routes.append(.init(.DELETE, "\(base)/\(path)/{id}") { try $0.delete(kind, $1.parameter("id")) })
        }
        return routes
    }

    // MARK: - Common

    func list(_ kind: ConfigurationKind) -> [JSONValue] {
        state.withLockedValue { $0[keyPath: kind.table].values.map(JSONValue.object) }
    }

    func get(_ kind: ConfigurationKind, _ id: String) throws(DatabricksError) -> DatabricksReply {
        guard let document = state.withLockedValue({ $0[keyPath: kind.table][id] }) else {
            throw .notFound("\(kind.noun) \(id) does not exist.")
        }
        return .object(document)
    }

    func delete(_ kind: ConfigurationKind, _ id: String) throws(DatabricksError) -> DatabricksReply {
        try state.withLock { state throws(DatabricksError) in
            guard state[keyPath: kind.table][id] != nil else { throw .notFound("\(kind.noun) \(id) does not exist.") }
            for field in kind.workspaceFields {
                if let workspace = state.workspaces(using: id, field: field).first {
                    throw .invalidState(
                        "\(kind.noun) \(id) is used by workspace \(workspace) and cannot be deleted.")
                }
            }
            if kind.idField == "vpc_endpoint_id" {
                let inUse = state.networks.values.contains { network in
                    let endpoints = network["vpc_endpoints"]
                    return (endpoints?["rest_api"]?.strings ?? []).contains(id)
                        || (endpoints?["dataplane_relay"]?.strings ?? []).contains(id)
                }
                if inUse { throw .invalidState("VPC endpoint \(id) is used by a network and cannot be deleted.") }
            }
            state[keyPath: kind.table][id] = nil
        }
        return .empty
    }

    /// The common fields of a new configuration.
    func stamp(_ document: inout JSONObject, idField: String, now: Date) -> String {
        let id = DatabricksIdentifiers.uuid()
        document[idField] = .string(id)
        document["account_id"] = .string(self.id)
        document["creation_time"] = .millis(now)
        return id
    }

    func insert(_ document: JSONObject, id: String, into table: Table) {
        state.withLockedValue { $0[keyPath: table][id] = document }
    }

    /// A configuration's name, which must be unique in the account.
    func requireName(
        _ call: DatabricksCall, _ field: String, of kind: ConfigurationKind
    ) throws(DatabricksError)
        -> String
    {
        let name = try call.required(field)
        let taken = state.withLockedValue { $0[keyPath: kind.table].values.contains { $0[field]?.string == name } }
        if taken {
            throw .alreadyExists(
                "\(kind.noun) name \(name) already exists in this account. Try again with a unique name.")
        }
        return name
    }

    // MARK: - Credentials

    func createCredentials(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let name = try requireName(call, "credentials_name", of: Self.credentialsKind)
        guard let roleArn = call.body["aws_credentials"]?["sts_role"]?["role_arn"]?.string, !roleArn.isEmpty else {
            throw .missing("aws_credentials.sts_role.role_arn")
        }
        guard ARNFormat.isRole(roleArn) else {
            throw .invalidParameter("Invalid role ARN: \(roleArn)")
        }
        do {
            _ = try validator.assumeCrossAccountRole(roleArn, region: validator.s3.configuration.region)
        } catch {
            throw .malformed(
                "Failed credential validation checks: please use a valid cross account IAM role with permissions "
                    + "setup correctly (\(error.message))")
        }
        var document: JSONObject = [
            "credentials_name": .string(name),
            "aws_credentials": ["sts_role": ["role_arn": .string(roleArn), "external_id": .string(id)]],
        ]
        let id = stamp(&document, idField: "credentials_id", now: call.now)
        insert(document, id: id, into: \.credentials)
        return .object(document)
    }

    // MARK: - Storage

    func createStorageConfiguration(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let name = try requireName(call, "storage_configuration_name", of: Self.storageKind)
        guard let bucket = call.body["root_bucket_info"]?["bucket_name"]?.string, !bucket.isEmpty else {
            throw .missing("root_bucket_info.bucket_name")
        }
        if state.withLockedValue({ $0.storageConfigurations.count }) >= 50 {
            throw .invalidState("Storage configuration limit exceeded, only 50 storage configurations are allowed")
        }
        var document: JSONObject = [
            "storage_configuration_name": .string(name), "root_bucket_info": ["bucket_name": .string(bucket)],
        ]
        if let role = call.string("role_arn") { document["role_arn"] = .string(role) }
        let id = stamp(&document, idField: "storage_configuration_id", now: call.now)
        insert(document, id: id, into: \.storageConfigurations)
        return .object(document)
    }

    // MARK: - Networks

    func createNetwork(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let name = try requireName(call, "network_name", of: Self.networkKind)
        var document = call.fields(["vpc_id", "subnet_ids", "security_group_ids", "vpc_endpoints"])
        try NetworkRules.validate(document)
        for group in ["rest_api", "dataplane_relay"] {
            for endpoint in document["vpc_endpoints"]?[group]?.strings ?? [] {
                guard state.withLockedValue({ $0.vpcEndpoints.contains(endpoint) }) else {
                    throw .invalidParameter("VPC endpoint \(endpoint) does not exist.")
                }
            }
        }
        document["network_name"] = .string(name)
        document["vpc_status"] = "UNATTACHED"
        let id = stamp(&document, idField: "network_id", now: call.now)
        insert(document, id: id, into: \.networks)
        return .object(document)
    }

    // MARK: - Keys

    func createKey(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        guard let useCases = call.body["use_cases"]?.strings, !useCases.isEmpty else { throw .missing("use_cases") }
        for useCase in useCases where !["MANAGED_SERVICES", "STORAGE"].contains(useCase) {
            throw .invalidParameter("Invalid use case: \(useCase). Valid values are MANAGED_SERVICES, STORAGE.")
        }
        guard var keyInfo = call.body["aws_key_info"]?.object else { throw .missing("aws_key_info") }
        guard let arn = keyInfo["key_arn"]?.string, !arn.isEmpty else { throw .missing("aws_key_info.key_arn") }
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "kms", parts[5].hasPrefix("key/") else {
            throw .invalidParameter("Invalid KMS key ARN: \(arn)")
        }
        if keyInfo["key_region"] == nil { keyInfo["key_region"] = .string(String(parts[3])) }
        var document: JSONObject = ["use_cases": .strings(useCases), "aws_key_info": .object(keyInfo)]
        let id = stamp(&document, idField: "customer_managed_key_id", now: call.now)
        insert(document, id: id, into: \.customerManagedKeys)
        return .object(document)
    }

    // MARK: - Private access settings

    func createPrivateAccessSettings(
        _ call: DatabricksCall, id existing: String?
    ) throws(DatabricksError)
        -> DatabricksReply
    {
        var body = call.body
        if let nested = body["customer_facing_private_access_settings"]?.object { body = nested }
        guard let name = body["private_access_settings_name"]?.string, !name.isEmpty else {
            throw .missing("private_access_settings_name")
        }
        guard let region = body["region"]?.string, !region.isEmpty else { throw .missing("region") }
        let level = body["private_access_level"]?.string ?? "ACCOUNT"
        guard ["ACCOUNT", "ENDPOINT"].contains(level) else {
            throw .invalidParameter("Invalid private_access_level: \(level)")
        }
        let allowed = body["allowed_vpc_endpoint_ids"]?.strings ?? []
        for endpoint in allowed where !state.withLockedValue({ $0.vpcEndpoints.contains(endpoint) }) {
            throw .invalidParameter("VPC endpoint \(endpoint) does not exist.")
        }
        var document: JSONObject = [
            "private_access_settings_name": .string(name), "region": .string(region),
            "public_access_enabled": .bool(body["public_access_enabled"]?.bool ?? false),
            "private_access_level": .string(level), "allowed_vpc_endpoint_ids": .strings(allowed),
        ]
        if let existing {
            guard let old = state.withLockedValue({ $0.privateAccessSettings[existing] }) else {
                throw .notFound("Private access settings \(existing) does not exist.")
            }
            document["private_access_settings_id"] = .string(existing)
            document["account_id"] = .string(id)
            document["creation_time"] = old["creation_time"]
            insert(document, id: existing, into: \.privateAccessSettings)
            return .empty
        }
        let newId = stamp(&document, idField: "private_access_settings_id", now: call.now)
        insert(document, id: newId, into: \.privateAccessSettings)
        return .object(document)
    }

    // MARK: - VPC endpoints

    func createVpcEndpoint(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let name = try call.required("vpc_endpoint_name")
        let awsId = try call.required("aws_vpc_endpoint_id")
        guard awsId.hasPrefix("vpce-"), awsId.count > 5 else {
            throw .invalidParameter("Invalid AWS VPC endpoint id: \(awsId)")
        }
        let region = try call.required("region")
        let taken = state.withLockedValue {
            $0.vpcEndpoints.values.contains { $0["aws_vpc_endpoint_id"]?.string == awsId }
        }
        if taken { throw .alreadyExists("VPC endpoint \(awsId) is already registered.", status: .conflict) }
        let useCase = call.string("use_case") ?? "WORKSPACE_ACCESS"
        var document: JSONObject = [
            "vpc_endpoint_name": .string(name), "aws_vpc_endpoint_id": .string(awsId), "region": .string(region),
            "aws_account_id": .string(customerAWSAccountId),
            "aws_endpoint_service_id": .string(
                "com.amazonaws.vpce.\(region).vpce-svc-\(DatabricksIdentifiers.hex(17))"),
            "state": "available", "use_case": .string(useCase),
        ]
        let id = stamp(&document, idField: "vpc_endpoint_id", now: call.now)
        document.removeValue(forKey: "creation_time")
        insert(document, id: id, into: \.vpcEndpoints)
        return .object(document)
    }
}

/// Shapes of AWS ARNs.
enum ARNFormat {
    /// `arn:aws:iam::123456789012:role/name` (any partition, any path).
    static func isRole(_ arn: String) -> Bool {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return parts.count == 6 && parts[0] == "arn" && parts[2] == "iam" && parts[4].count == 12
            && parts[5].hasPrefix("role/") && parts[5].count > 5
    }

    /// `arn:aws:iam::123456789012:instance-profile/name`.
    static func isInstanceProfile(_ arn: String) -> Bool {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return parts.count == 6 && parts[0] == "arn" && parts[2] == "iam" && parts[4].count == 12
            && parts[5].hasPrefix("instance-profile/") && parts[5].count > 17
    }
}
