import AWSWire
import CloudClients
import FeatureRunner
import Foundation

/// What the generic steps tear down. A request that creates something the emulator serves is recognised and its
/// resource recorded in the scenario's ledger, to be deleted as the provisioning steps' resources are: S3
/// `PUT /bucket` of a `${unique:NAME}` bucket, IAM `CreateRole` and `CreateInstanceProfile`, Kinesis `CreateStream`, and the account API's
/// `POST` of credentials, storage configurations, networks, customer-managed keys, private access settings, VPC
/// endpoints and workspaces. Anything else is the scenario's to clean up, with `I clean up with a DELETE request
/// to ...`.
extension ScenarioContext {
    /// The account API's collections whose `POST` creates an object, the object's id field and its kind.
    static let accountCollections: [String: (idField: String, kind: ResourceKind)] = [
        "credentials": ("credentials_id", .credentials),
        "storage-configurations": ("storage_configuration_id", .storageConfiguration),
        "networks": ("network_id", .network),
        "customer-managed-keys": ("customer_managed_key_id", .customerManagedKey),
        "private-access-settings": ("private_access_settings_id", .privateAccessSettings),
        "vpc-endpoints": ("vpc_endpoint_id", .vpcEndpoint),
        "workspaces": ("workspace_id", .workspace),
    ]

    /// How every `${unique:NAME}` of the scenario attempt ends.
    var uniqueSuffix: String { "-\(names.run.short)-\(names.scenarioSuffix)" }

    /// Records what a successful request created, so the teardown deletes it.
    func recordCreation(_ request: GenericRequest, _ response: GenericResponse) throws {
        guard (200..<300).contains(response.status) else { return }
        let path = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.path
        let segments = path.split(separator: "/").map(String.init)
        switch request.target {
        case .aws(.s3) where request.method == "PUT" && segments.count == 1 && !request.path.contains("?"):
            let bucket = PercentEncoding.decode(segments[0]) ?? segments[0]
            // S3 answers 200 to a PUT of a bucket its owner already has (in us-east-1): only a name unique to the
            // scenario is surely a bucket the request created.
            guard bucket.hasSuffix(uniqueSuffix) else { return }
            let s3 = self.s3
            ledger.record(.bucket, logical: bucket, physical: bucket, cleanup: .aws("s3", "rb", "s3://\(bucket)", "--force")) {
                try await s3.emptyAndDeleteBucket(bucket)
            }
        case .aws(.iam):
            let form = Dictionary(
                (PercentEncoding.decodeQuery(String(decoding: request.body, as: UTF8.self)) ?? []).map {
                    ($0.name, $0.value)
                }, uniquingKeysWith: { first, _ in first })
            recordIAM(action: form["Action"] ?? "", form)
        case .aws(.kinesis):
            let target = request.headers.first { $0.name.lowercased() == "x-amz-target" }?.value
            guard target == "Kinesis_20131202.CreateStream",
                let name = (try? AWSDocument.parseJSON(Array(request.body)))?["StreamName"]?.string
            else { return }
            let kinesis = self.kinesis
            ledger.record(
                .stream, logical: name, physical: name, cleanup: .aws("kinesis", "delete-stream", "--stream-name", name)
            ) { [clock = session.clock] in
                // A stream still CREATING cannot be deleted yet (ResourceInUseException): try again for a while.
                for attempt in 1...30 {
                    do {
                        return try await kinesis.deleteStream(name: name)
                    } catch let error as AWSServiceError where error.code == "ResourceInUseException" && attempt < 30 {
                        if let clock {
                            try await clock.advance(by: 1)
                        } else {
                            try await Task.sleep(nanoseconds: 2_000_000_000)
                        }
                    }
                }
            }
        case .databricksAccount where request.method == "POST":
            guard segments.count == 5, Array(segments.prefix(3)) == ["api", "2.0", "accounts"],
                let collection = Self.accountCollections[segments[4]],
                let id = (try? response.json())?[collection.idField]?.plainText
            else { return }
            let delete = GenericRequest(target: .databricksAccount, method: "DELETE", path: "\(path)/\(id)")
            let account = databricksClient(session.databricks.host)
            let url = delete.url(on: session.databricks.host)
            ledger.record(collection.kind, logical: id, physical: id, cleanup: .databricksAccount([Self.cliGroup(segments[4]), "delete", id])) {
                try DatabricksClient.check(try await account.send("DELETE", url: url))
            }
        default:
            return
        }
    }

    private func recordIAM(action: String, _ form: [String: String]) {
        let iam = self.iam
        switch action {
        case "CreateRole":
            guard let name = form["RoleName"] else { return }
            ledger.record(
                .role, logical: name, physical: name,
                cleanup: .aws("iam", "delete-role", "--role-name", name)
            ) {
                try await iam.deleteRoleAndItsPolicies(name)
            }
        case "CreateInstanceProfile":
            guard let name = form["InstanceProfileName"] else { return }
            ledger.record(
                .instanceProfile, logical: name, physical: name,
                cleanup: .aws("iam", "delete-instance-profile", "--instance-profile-name", name)
            ) {
                for role in (try? await iam.getInstanceProfile(name: name))?.roles ?? [] {
                    try await iam.removeRoleFromInstanceProfile(profile: name, role: role)
                }
                try await iam.deleteInstanceProfile(name: name)
            }
        default:
            return
        }
    }

    /// Records a request for the teardown to send (`I clean up with a DELETE request to ...`); an answer of 404 counts
    /// as done, since what it deletes is gone.
    func recordCleanup(_ request: GenericRequest) {
        ledger.record(
            .cleanupRequest, logical: request.path, physical: request.summary, cleanup: .request(request.summary)
        ) { [self] in
            let response = try await send(request)
            guard (200..<300).contains(response.status) || response.status == 404 else {
                throw StepFailure("\(request.summary) answered HTTP \(response.status): \(response.text.prefix(300))")
            }
        }
    }
}
