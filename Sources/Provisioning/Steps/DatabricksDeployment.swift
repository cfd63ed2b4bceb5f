import CloudClients
import FeatureRunner
import Foundation

/// How a workspace is deployed: what the guide's variants add to the plain one.
struct DeploymentPlan: Sendable {
    /// A customer-managed VPC: network configuration, PrivateLink VPC endpoints, private access settings.
    var customerManagedVPC = false
    /// A customer-managed key for managed services and workspace storage.
    var customerManagedKey = false
    /// Whether a refusal fails the step (the Given steps) or is recorded as a FAILED workspace (the When step).
    var refusalFails = true
}

/// The cross-account policy of Databricks' deployment guide.
enum CrossAccountPolicy {
    /// What clusters need in a customer-managed VPC.
    static let customerManagedVPCActions = [
        "AssignPrivateIpAddresses", "AssociateIamInstanceProfile", "AttachVolume", "AuthorizeSecurityGroupEgress",
        "AuthorizeSecurityGroupIngress", "CancelSpotInstanceRequests", "CreateTags", "CreateVolume", "DeleteTags",
        "DeleteVolume", "DescribeAvailabilityZones", "DescribeIamInstanceProfileAssociations",
        "DescribeInstanceStatus", "DescribeInstances", "DescribeInternetGateways", "DescribeNatGateways",
        "DescribeNetworkAcls", "DescribePrefixLists", "DescribeReservedInstancesOfferings", "DescribeRouteTables",
        "DescribeSecurityGroups", "DescribeSpotInstanceRequests", "DescribeSpotPriceHistory", "DescribeSubnets",
        "DescribeVolumes", "DescribeVpcAttribute", "DescribeVpcs", "DetachVolume", "DisassociateIamInstanceProfile",
        "ReplaceIamInstanceProfileAssociation", "RequestSpotInstances", "RevokeSecurityGroupEgress",
        "RevokeSecurityGroupIngress", "RunInstances", "TerminateInstances", "CreateFleet", "DeleteFleets",
        "DescribeFleetHistory", "DescribeFleetInstances", "DescribeFleets", "CreateLaunchTemplate",
        "DeleteLaunchTemplate", "DescribeLaunchTemplates", "DescribeLaunchTemplateVersions", "ModifyLaunchTemplate",
        "GetSpotPlacementScores",
    ].map { "ec2:\($0)" }

    /// What Databricks also needs when it makes the VPC itself.
    static let managedVPCActions =
        customerManagedVPCActions
        + [
            "AllocateAddress", "AssociateDhcpOptions", "AssociateRouteTable", "AttachInternetGateway",
            "CreateDhcpOptions", "CreateInternetGateway", "CreateNatGateway", "CreateRoute", "CreateRouteTable",
            "CreateSecurityGroup", "CreateSubnet", "CreateVpc", "CreateVpcEndpoint", "DeleteDhcpOptions",
            "DeleteInternetGateway", "DeleteNatGateway", "DeleteRoute", "DeleteRouteTable", "DeleteSecurityGroup",
            "DeleteSubnet", "DeleteVpc", "DeleteVpcEndpoints", "DetachInternetGateway", "DisassociateRouteTable",
            "ModifyVpcAttribute", "ReleaseAddress",
        ].map { "ec2:\($0)" }

    /// The policy document.
    static func document(customerManagedVPC: Bool) -> String {
        let actions = (customerManagedVPC ? customerManagedVPCActions : managedVPCActions)
            .map { "\"\($0)\"" }.joined(separator: ",")
        return """
            {"Version":"2012-10-17","Statement":[{"Sid":"Stmt1403287045000","Effect":"Allow","Action":[\(actions)],\
            "Resource":["*"]},{"Effect":"Allow","Action":["iam:CreateServiceLinkedRole","iam:PutRolePolicy"],\
            "Resource":"arn:aws:iam::*:role/aws-service-role/spot.amazonaws.com/AWSServiceRoleForEC2Spot",\
            "Condition":{"StringLike":{"iam:AWSServiceName":"spot.amazonaws.com"}}}]}
            """
    }
}

extension ScenarioContext {
    /// The whole guide for one workspace: root bucket, cross-account role and policy, then ``createWorkspace``.
    func deployWorkspace(_ logical: String, plan: DeploymentPlan) async throws {
        let bucket = try await createRootBucket("\(logical)-root")
        let role = try await createRole("\(logical)-cross-account", trust: crossAccountTrustPolicy())
        try await iam.putRolePolicy(
            role: role.name, name: "databricks-cross-account",
            document: CrossAccountPolicy.document(customerManagedVPC: plan.customerManagedVPC))
        try await createWorkspace(logical, role: role, bucket: bucket, plan: plan)
    }

    /// The cross-account role's trust policy of the guide: Databricks' AWS account may assume it, presenting the
    /// Databricks account id as the external id.
    func crossAccountTrustPolicy() -> String {
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::\
        \(session.databricks.awsAccountId):root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":\
        {"sts:ExternalId":"\(session.databricks.accountId)"}}}]}
        """
    }

    /// Credentials and storage configurations, the plan's network, endpoints, settings and keys, and the
    /// workspace. A refusal of the workspace itself is recorded (status FAILED with its message) unless the plan
    /// says it fails the step.
    func createWorkspace(_ logical: String, role: RoleReference, bucket: String, plan: DeploymentPlan) async throws {
        try claim(logical, in: \.workspaces, noun: "Databricks workspace")
        do {
            try await provisionWorkspace(logical, role: role, bucket: bucket, plan: plan)
        } catch let error as DatabricksAPIError where !plan.refusalFails {
            // Databricks refuses at the first check that fails: the credentials (the role cannot be assumed), the
            // storage configuration, or the workspace itself. Any of them leaves a FAILED workspace.
            let refusal = "\(error.code): \(error.message)"
            state.withLock { $0.workspaces[logical] = WorkspaceReference(role: role, refusal: refusal) }
        }
    }

    private func provisionWorkspace(
        _ logical: String, role: RoleReference, bucket: String, plan: DeploymentPlan
    ) async throws {
        let account = self.account
        let path = accountPath
        var body: [String: Any] = [
            "workspace_name": names.physical(logical, .workspace), "aws_region": session.aws.region,
            "custom_tags": names.tags,
        ]
        body["credentials_id"] = try await createAccountObject(
            .credentials, logical: logical, collection: "credentials", idField: "credentials_id",
            body: [
                "credentials_name": names.physical("\(logical)-credentials", .credentials),
                "aws_credentials": ["sts_role": ["role_arn": role.arn]],
            ])
        body["storage_configuration_id"] = try await createAccountObject(
            .storageConfiguration, logical: logical, collection: "storage-configurations",
            idField: "storage_configuration_id",
            body: [
                "storage_configuration_name": names.physical("\(logical)-storage", .storageConfiguration),
                "root_bucket_info": ["bucket_name": bucket],
            ])
        if plan.customerManagedVPC {
            try await addCustomerManagedVPC(logical, to: &body)
        }
        if plan.customerManagedKey {
            let keyId = try await createAccountObject(
                .customerManagedKey, logical: logical, collection: "customer-managed-keys",
                idField: "customer_managed_key_id",
                body: [
                    "aws_key_info": ["key_arn": try setting("BRICKYARD_KMS_KEY_ARN", emulated: fakeKeyARN())],
                    "use_cases": ["MANAGED_SERVICES", "STORAGE"],
                ])
            body["managed_services_customer_managed_key_id"] = keyId
            body["storage_customer_managed_key_id"] = keyId
        }
        var reference = WorkspaceReference(role: role)
        let answer = try await account.json("POST", "\(path)/workspaces", body: body)
        guard let id = (answer["workspace_id"] as? NSNumber)?.int64Value else {
            throw StepFailure("the workspace's creation answer has no workspace_id: \(answer)")
        }
        reference.id = id
        let clock = session.clock
        let timeout = waitTimeout
        ledger.record(
            .workspace, logical: logical, physical: String(id),
            cleanup: .databricksAccount(["workspaces", "delete", String(id)])
        ) {
            _ = try await account.json("DELETE", "\(path)/workspaces/\(id)")
            // Configurations in use cannot be deleted: wait until the workspace is gone.
            var waited = 0.0
            var delay = 1.0
            while waited < timeout {
                let response = try await account.send("GET", "\(path)/workspaces/\(id)")
                if response.status == 404 { return }
                if let clock {
                    try await clock.advance(by: delay)
                } else {
                    try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
                }
                waited += delay
                delay = min(delay * 2, 30)
            }
        }
        state.withLock { $0.workspaces[logical] = reference }
        if plan.refusalFails {
            try await waitForWorkspace(logical, toBe: "RUNNING")
        }
    }

    /// The Databricks CLI's command group of an account API collection (`databricks account storage delete ID`).
    static func cliGroup(_ collection: String) -> String {
        switch collection {
        case "storage-configurations": "storage"
        case "customer-managed-keys": "encryption-keys"
        case "private-access-settings": "private-access"
        default: collection
        }
    }

    /// Creates an account-level object, records its deletion, and returns its id.
    func createAccountObject(
        _ kind: ResourceKind, logical: String, collection: String, idField: String, body: [String: Any]
    ) async throws -> String {
        let account = self.account
        let path = "\(accountPath)/\(collection)"
        let answer = try await account.json("POST", path, body: body)
        guard let id = answer[idField] as? String else {
            throw StepFailure("the answer to POST \(path) has no \(idField)")
        }
        ledger.record(
            kind, logical: logical, physical: id,
            cleanup: .databricksAccount([Self.cliGroup(collection), "delete", id])
        ) {
            _ = try await account.json("DELETE", "\(path)/\(id)")
        }
        return id
    }

    /// The network of a customer-managed VPC with PrivateLink: two VPC endpoints (REST API and secure cluster
    /// connectivity relay), the network configuration, and private access settings that close public access.
    private func addCustomerManagedVPC(_ logical: String, to body: inout [String: Any]) async throws {
        var endpoints: [String] = []
        for (use, variable) in [("workspace", "BRICKYARD_VPCE_REST_API"), ("relay", "BRICKYARD_VPCE_RELAY")] {
            endpoints.append(
                try await createAccountObject(
                    .vpcEndpoint, logical: logical, collection: "vpc-endpoints", idField: "vpc_endpoint_id",
                    body: [
                        "vpc_endpoint_name": names.physical("\(logical)-\(use)", .vpcEndpoint),
                        "aws_vpc_endpoint_id": try setting(variable, emulated: "vpce-" + Self.hex(17)),
                        "region": session.aws.region,
                    ]))
        }
        let subnets = try setting("BRICKYARD_SUBNET_IDS", emulated: "subnet-\(Self.hex(17)),subnet-\(Self.hex(17))")
        let groups = try setting("BRICKYARD_SECURITY_GROUP_IDS", emulated: "sg-\(Self.hex(17))")
        body["network_id"] = try await createAccountObject(
            .network, logical: logical, collection: "networks", idField: "network_id",
            body: [
                "network_name": names.physical("\(logical)-network", .network),
                "vpc_id": try setting("BRICKYARD_VPC_ID", emulated: "vpc-\(Self.hex(17))"),
                "subnet_ids": subnets.split(separator: ",").map(String.init),
                "security_group_ids": groups.split(separator: ",").map(String.init),
                "vpc_endpoints": ["rest_api": [endpoints[0]], "dataplane_relay": [endpoints[1]]],
            ])
        body["private_access_settings_id"] = try await createAccountObject(
            .privateAccessSettings, logical: logical, collection: "private-access-settings",
            idField: "private_access_settings_id",
            body: [
                "private_access_settings_name": names.physical("\(logical)-pas", .privateAccessSettings),
                "region": session.aws.region, "public_access_enabled": false, "private_access_level": "ENDPOINT",
                "allowed_vpc_endpoint_ids": [endpoints[0]],
            ])
    }

    /// A setting of the live target, or a made-up value on an emulator (which has no EC2 or KMS to ask).
    private func setting(_ variable: String, emulated: @autoclosure () -> String) throws -> String {
        guard session.isLive else { return emulated() }
        guard let value = session.environment[variable], !value.isEmpty else {
            throw StepFailure(
                "--target live needs \(variable) for this step (Brickyard does not create VPCs, subnets, security "
                    + "groups, VPC endpoints or KMS keys); set it to the existing resource's id")
        }
        return value
    }

    private func fakeKeyARN() -> String {
        "arn:aws:kms:\(session.aws.region):\(session.aws.accountId):key/\(UUID().uuidString.lowercased())"
    }

    static func hex(_ count: Int) -> String {
        String((0..<count).map { _ in "0123456789abcdef".randomElement()! })
    }

    // MARK: - Reading workspaces

    func workspace(_ logical: String) throws -> WorkspaceReference {
        try lookup(
            logical, \.workspaces, noun: "Databricks workspace", how: "Given a Databricks workspace \"\(logical)\"")
    }

    /// The status and status message of a workspace (FAILED with the refusal for one whose creation was refused).
    func workspaceStatus(_ logical: String) async throws -> (state: String, detail: String?) {
        let reference = try workspace(logical)
        if let refusal = reference.refusal { return ("FAILED", refusal) }
        guard let id = reference.id else { return ("FAILED", "it was never created") }
        let answer = try await account.json("GET", "\(accountPath)/workspaces/\(id)")
        let status = answer["workspace_status"] as? String ?? "UNKNOWN"
        if status == "RUNNING", let url = (answer["workspace_url"] as? String).flatMap(URL.init(string:)) {
            state.withLock { $0.workspaces[logical]?.url = url }
        }
        return (status, answer["workspace_status_message"] as? String)
    }

    func waitForWorkspace(_ logical: String, toBe expected: String) async throws {
        try await wait(
            for: "workspace \"\(logical)\"", toBe: expected,
            terminal: Set(["RUNNING", "FAILED", "BANNED"]).subtracting([expected.uppercased()])
        ) {
            try await workspaceStatus(logical)
        }
    }

    /// A client of a RUNNING workspace.
    func workspaceClient(for logical: String) async throws -> DatabricksClient {
        if let url = try workspace(logical).url { return workspaceClient(url) }
        try await waitForWorkspace(logical, toBe: "RUNNING")
        guard let url = try workspace(logical).url else {
            throw StepFailure("workspace \"\(logical)\" is RUNNING but its answer has no workspace_url")
        }
        return workspaceClient(url)
    }
}
