import CloudClients
import Emulator
import Foundation

/// A Databricks deployment in a test: the account client, the AWS side made over the wire (a cross-account role and
/// a root bucket with its policy), and workspaces provisioned and brought to RUNNING by stepping the clock.
struct DatabricksHarness {
    let emulator: Emulator
    let identities: Identities

    init(_ emulator: Emulator) {
        self.emulator = emulator
        identities = Identities(emulator)
    }

    var configuration: DatabricksConfiguration { emulator.configuration.databricks }
    var accountId: String { configuration.accountId }
    var accountPath: String { "/api/2.0/accounts/\(accountId)" }

    var account: DatabricksClient {
        DatabricksClient(host: emulator.endpoint, authentication: .token(configuration.token))
    }

    func workspace(_ url: URL) -> DatabricksClient {
        DatabricksClient(host: url, authentication: .token(configuration.token))
    }

    static let crossAccountActions = [
        "ec2:*", "iam:CreateServiceLinkedRole", "iam:PutRolePolicy",
    ]

    /// The cross-account role (trusting Databricks' AWS account with an external id) and the root bucket.
    func awsSide(
        externalId: String? = nil, bucketPolicy: Bool = true, actions: [String] = crossAccountActions
    ) async throws -> (roleArn: String, roleName: String, bucket: String) {
        let suffix = UUID().uuidString.lowercased().prefix(8)
        let trust = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::414351767826:root"},\
            "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"\(externalId ?? accountId)"}}}]}
            """
        let quoted = actions.map { "\"\($0)\"" }.joined(separator: ",")
        let policy = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[\(quoted)],"Resource":"*"}]}
            """
        let roleName = "cross-account-\(suffix)"
        let roleArn = try await identities.role(roleName, trust: trust, policy: policy)
        let bucket = "root-\(suffix)"
        let s3 = S3Client(
            endpoint: emulator.endpoint, credentials: AWSCredentials(accessKeyId: "test", secretAccessKey: "test"))
        try await s3.createBucket(bucket)
        if bucketPolicy {
            let document = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::414351767826:root"},\
                "Action":["s3:GetObject","s3:PutObject","s3:DeleteObject","s3:ListBucket","s3:GetBucketLocation"],\
                "Resource":["arn:aws:s3:::\(bucket)","arn:aws:s3:::\(bucket)/*"]}]}
                """
            try await s3.expectSuccess("PUT", bucket: bucket, query: "policy", body: Data(document.utf8))
        }
        return (roleArn, roleName, bucket)
    }

    /// Credentials and storage configurations for an AWS side.
    func configurations(roleArn: String, bucket: String) async throws -> (credentials: String, storage: String) {
        let suffix = UUID().uuidString.lowercased().prefix(8)
        let credentials = try await account.json(
            "POST", "\(accountPath)/credentials",
            body: [
                "credentials_name": "creds-\(suffix)",
                "aws_credentials": ["sts_role": ["role_arn": roleArn]],
            ])
        let storage = try await account.json(
            "POST", "\(accountPath)/storage-configurations",
            body: ["storage_configuration_name": "storage-\(suffix)", "root_bucket_info": ["bucket_name": bucket]])
        return (credentials["credentials_id"] as! String, storage["storage_configuration_id"] as! String)
    }

    /// Posts a workspace for an AWS side made for it; its creation answer and the AWS side.
    func createWorkspace(
        _ name: String, side given: (roleArn: String, roleName: String, bucket: String)? = nil,
        extra: [String: Any] = [:]
    ) async throws -> (answer: [String: Any], id: Int64, side: (roleArn: String, roleName: String, bucket: String)) {
        let side: (roleArn: String, roleName: String, bucket: String)
        if let given { side = given } else { side = try await awsSide() }
        let ids = try await configurations(roleArn: side.roleArn, bucket: side.bucket)
        var body: [String: Any] = [
            "workspace_name": name, "aws_region": "us-east-1", "credentials_id": ids.credentials,
            "storage_configuration_id": ids.storage,
        ]
        body.merge(extra) { _, new in new }
        let answer = try await account.json("POST", "\(accountPath)/workspaces", body: body)
        return (answer, (answer["workspace_id"] as! NSNumber).int64Value, side)
    }

    /// A workspace brought to RUNNING by stepping the clock; its id and URL.
    func runningWorkspace() async throws -> (
        id: Int64, url: URL, side: (roleArn: String, roleName: String, bucket: String)
    ) {
        let (_, id, side) = try await createWorkspace("ws-\(UUID().uuidString.prefix(6))")
        emulator.clock.advance(by: configuration.timings.workspaceProvisioning)
        let running = try await account.json("GET", "\(accountPath)/workspaces/\(id)")
        guard running["workspace_status"] as? String == "RUNNING", let url = running["workspace_url"] as? String else {
            throw DatabricksAPIError(status: 0, code: "NOT_RUNNING", message: "\(running)")
        }
        return (id, URL(string: url)!, side)
    }
}
