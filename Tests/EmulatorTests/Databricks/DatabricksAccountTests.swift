import CloudClients
import Emulator
import Foundation
import Testing

/// The account API and its validation against the emulated AWS, over the wire.
@Suite struct DatabricksAccountTests {
    @Test func workspaceGoesFromProvisioningToRunningOnTheClockAndDeletesTo404() async throws {
        try await withEmulator { emulator, _ in
            let harness = DatabricksHarness(emulator)
            let (created, id, _) = try await harness.createWorkspace(
                "lifecycle", extra: ["is_no_public_ip_enabled": true])
            #expect(created["workspace_status"] as? String == "PROVISIONING")
            emulator.clock.advance(by: 2)
            let running = try await harness.account.json("GET", "\(harness.accountPath)/workspaces/\(id)")
            #expect(running["workspace_status"] as? String == "RUNNING")
            #expect((running["workspace_url"] as? String)?.contains("/_workspaces/") == true)
            let listed = try await harness.account.list("\(harness.accountPath)/workspaces")
            #expect(listed.count == 1)
            let credentialsId = try #require(created["credentials_id"] as? String)

            let inUse = await databricksError {
                try await harness.account.json("DELETE", "\(harness.accountPath)/credentials/\(credentialsId)")
            }
            #expect(inUse?.code == "INVALID_STATE")

            try await harness.account.json("DELETE", "\(harness.accountPath)/workspaces/\(id)")
            emulator.clock.advance(by: 1)
            let gone = await databricksError {
                try await harness.account.json("GET", "\(harness.accountPath)/workspaces/\(id)")
            }
            #expect(gone?.status == 404)
            #expect(gone?.code == "RESOURCE_DOES_NOT_EXIST")
            try await harness.account.json("DELETE", "\(harness.accountPath)/credentials/\(credentialsId)")
        }
    }

    @Test func wrongExternalIdFailsCredentialsValidation() async throws {
        try await withEmulator { emulator, _ in
            let harness = DatabricksHarness(emulator)
            let side = try await harness.awsSide(externalId: "someone-else")
            let failure = await databricksError {
                try await harness.configurations(roleArn: side.roleArn, bucket: side.bucket)
            }
            #expect(failure?.code == "MALFORMED_REQUEST")
            #expect(failure?.message.hasPrefix("Failed credential validation checks") == true)
            #expect(failure?.message.contains("external id") == true)
        }
    }

    @Test func bucketWithoutPolicyAndRoleWithoutPermissionsAreNamed() async throws {
        try await withEmulator { emulator, _ in
            let harness = DatabricksHarness(emulator)
            let storageFailure = await databricksError {
                try await harness.createWorkspace("a", side: harness.awsSide(bucketPolicy: false))
            }
            #expect(
                storageFailure?.message.hasPrefix(
                    "Failed storage configuration validation checks: List, Get, Put, PutWithBucketOwnerFullControl, Delete"
                ) == true)
            let roleFailure = await databricksError {
                try await harness.createWorkspace("b", side: harness.awsSide(actions: ["ec2:DescribeInstances"]))
            }
            let message = roleFailure?.message ?? ""
            #expect(message.hasPrefix("Failed credentials validation checks: "))
            #expect(message.contains("Spot Cancellation"))
            #expect(!message.contains("Describe instances"))
        }
    }

    @Test func networksAreValidatedOnCreateAndBrokenAtProvisioning() async throws {
        try await withEmulator { emulator, _ in
            let harness = DatabricksHarness(emulator)
            let base = harness.accountPath
            let oneSubnet = await databricksError {
                try await harness.account.json(
                    "POST", "\(base)/networks",
                    body: [
                        "network_name": "n", "vpc_id": "vpc-1", "subnet_ids": ["subnet-1"],
                        "security_group_ids": ["sg-1"],
                    ])
            }
            #expect(oneSubnet?.code == "INVALID_PARAMETER_VALUE")
            let sixGroups = await databricksError {
                try await harness.account.json(
                    "POST", "\(base)/networks",
                    body: [
                        "network_name": "n", "vpc_id": "vpc-1", "subnet_ids": ["subnet-1", "subnet-2"],
                        "security_group_ids": (1...6).map { "sg-\($0)" },
                    ])
            }
            #expect(sixGroups?.code == "INVALID_PARAMETER_VALUE")
            let endpoint = try await harness.account.json(
                "POST", "\(base)/vpc-endpoints",
                body: ["vpc_endpoint_name": "e", "aws_vpc_endpoint_id": "vpce-0123", "region": "eu-west-1"])
            #expect(endpoint["state"] as? String == "available")
            let network = try await harness.account.json(
                "POST", "\(base)/networks",
                body: [
                    "network_name": "n", "vpc_id": "vpc-1", "subnet_ids": ["subnet-1", "subnet-2"],
                    "security_group_ids": ["sg-1"],
                    "vpc_endpoints": ["rest_api": [endpoint["vpc_endpoint_id"]!], "dataplane_relay": []],
                ])
            #expect(network["vpc_status"] as? String == "UNATTACHED")
            let side = try await harness.awsSide()
            let ids = try await harness.configurations(roleArn: side.roleArn, bucket: side.bucket)
            let created = try await harness.account.json(
                "POST", "\(base)/workspaces",
                body: [
                    "workspace_name": "w", "aws_region": "us-east-1", "credentials_id": ids.credentials,
                    "storage_configuration_id": ids.storage, "network_id": network["network_id"]!,
                ])
            emulator.clock.advance(by: 2)
            let id = (created["workspace_id"] as! NSNumber).int64Value
            let failed = try await harness.account.json("GET", "\(base)/workspaces/\(id)")
            #expect(failed["workspace_status"] as? String == "FAILED")
            #expect((failed["workspace_status_message"] as? String)?.contains("eu-west-1") == true)
            let broken = try await harness.account.json("GET", "\(base)/networks/\(network["network_id"]!)")
            #expect(broken["vpc_status"] as? String == "BROKEN")
            #expect((broken["error_messages"] as? [[String: Any]])?.first?["error_type"] as? String == "vpc")
        }
    }

    @Test func logDeliveryWritesAuditLogsIntoTheBucket() async throws {
        try await withEmulator { emulator, s3 in
            let harness = DatabricksHarness(emulator)
            let side = try await harness.awsSide(actions: DatabricksHarness.crossAccountActions + ["s3:*"])
            let ids = try await harness.configurations(roleArn: side.roleArn, bucket: side.bucket)
            let created = try await harness.account.json(
                "POST", "\(harness.accountPath)/log-delivery",
                body: [
                    "log_delivery_configuration": [
                        "log_type": "AUDIT_LOGS", "output_format": "JSON", "credentials_id": ids.credentials,
                        "storage_configuration_id": ids.storage, "delivery_path_prefix": "audit",
                    ]
                ])
            let configuration = try #require(created["log_delivery_configuration"] as? [String: Any])
            let configId = try #require(configuration["config_id"] as? String)
            emulator.clock.advance(by: emulator.configuration.databricks.timings.logDeliveryInterval)
            _ = try await harness.account.list("\(harness.accountPath)/workspaces")  // settles the account
            let keys = try await s3.listKeys(bucket: side.bucket, prefix: "audit/")
            #expect(keys.count == 1)
            #expect(keys.first?.contains("auditlogs_") == true)
            let body = try await s3.getObject(bucket: side.bucket, key: keys[0])
            #expect(String(decoding: body, as: UTF8.self).contains("\"serviceName\":\"accounts\""))
            #expect(!String(decoding: body, as: UTF8.self).contains(emulator.configuration.databricks.token))
            let read = try await harness.account.json("GET", "\(harness.accountPath)/log-delivery/\(configId)")
            let status =
                (read["log_delivery_configuration"] as? [String: Any])?["log_delivery_status"] as? [String: Any]
            #expect(status?["status"] as? String == "SUCCEEDED")
            try await harness.account.json(
                "PATCH", "\(harness.accountPath)/log-delivery/\(configId)", body: ["status": "DISABLED"])
        }
    }

    @Test func unknownFieldsAreAcceptedAndListsAreBareArrays() async throws {
        try await withEmulator { emulator, _ in
            let harness = DatabricksHarness(emulator)
            let key = try await harness.account.json(
                "POST", "\(harness.accountPath)/customer-managed-keys",
                body: [
                    "use_cases": ["STORAGE"], "account_id": "ignored",
                    "aws_key_info": ["key_arn": "arn:aws:kms:us-west-2:000000000000:key/abc"],
                ])
            #expect((key["aws_key_info"] as? [String: Any])?["key_region"] as? String == "us-west-2")
            let keys = try await harness.account.list("\(harness.accountPath)/customer-managed-keys")
            #expect(keys.count == 1)
            let malformed = try await harness.account.send("POST", "\(harness.accountPath)/networks")
            #expect(malformed.status == 400)
        }
    }

    @Test func billableUsageIsDeliveredFromClusterRunningTime() async throws {
        try await withEmulator { emulator, s3 in
            let harness = DatabricksHarness(emulator)
            let (_, url, side) = try await harness.runningWorkspace()
            let iam = harness.identities.iam()
            let write =
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}]}"#
            _ = try await iam.call(
                "PutRolePolicy", [("RoleName", side.roleName), ("PolicyName", "logs"), ("PolicyDocument", write)])
            let workspace = harness.workspace(url)
            let cluster = try await workspace.json(
                "POST", "/api/2.1/clusters/create",
                body: [
                    "cluster_name": "usage", "spark_version": "15.4.x-scala2.12", "node_type_id": "i3.xlarge",
                    "num_workers": 3, "autotermination_minutes": 0,
                ])
            let ids = try await harness.configurations(roleArn: side.roleArn, bucket: side.bucket)
            try await harness.account.json(
                "POST", "\(harness.accountPath)/log-delivery",
                body: [
                    "log_delivery_configuration": [
                        "log_type": "BILLABLE_USAGE", "output_format": "CSV", "credentials_id": ids.credentials,
                        "storage_configuration_id": ids.storage, "delivery_path_prefix": "usage",
                    ]
                ])
            emulator.clock.advance(by: emulator.configuration.databricks.timings.logDeliveryInterval)
            _ = try await harness.account.list("\(harness.accountPath)/workspaces")
            let keys = try await s3.listKeys(bucket: side.bucket, prefix: "usage/billable-usage/csv/")
            #expect(keys.count == 1)
            let csv = String(decoding: try await s3.getObject(bucket: side.bucket, key: keys[0]), as: UTF8.self)
            let rows = csv.split(separator: "\n")
            #expect(rows.first?.hasPrefix("workspaceId,timestamp,clusterId") == true)
            #expect(rows.contains { $0.contains(cluster["cluster_id"] as! String) && $0.contains("i3.xlarge") })
        }
    }

    @Test func deliveryFailsVisiblyWhenTheRoleMayNotWrite() async throws {
        try await withEmulator { emulator, _ in
            let harness = DatabricksHarness(emulator)
            let side = try await harness.awsSide()
            let ids = try await harness.configurations(roleArn: side.roleArn, bucket: side.bucket)
            let created = try await harness.account.json(
                "POST", "\(harness.accountPath)/log-delivery",
                body: [
                    "log_delivery_configuration": [
                        "log_type": "AUDIT_LOGS", "output_format": "JSON", "credentials_id": ids.credentials,
                        "storage_configuration_id": ids.storage,
                    ]
                ])
            let id = try #require((created["log_delivery_configuration"] as? [String: Any])?["config_id"] as? String)
            emulator.clock.advance(by: emulator.configuration.databricks.timings.logDeliveryInterval)
            let read = try await harness.account.json("GET", "\(harness.accountPath)/log-delivery/\(id)")
            let status =
                (read["log_delivery_configuration"] as? [String: Any])?["log_delivery_status"] as? [String: Any]
            #expect(status?["status"] as? String == "USER_FAILURE")
            #expect((status?["message"] as? String)?.contains("AccessDenied") == true)
        }
    }
}
