import AWSWire
import CloudClients
import Emulator
import Foundation
import Testing

/// Nothing is accepted and then ignored: what the emulator cannot do is refused with the service's error, after the
/// caller is authorized, and leaves nothing behind.
@Suite("Unsupported features are refused")
struct UnsupportedFeaturesTests {
    static let customerKey = [
        "x-amz-server-side-encryption-customer-algorithm": "AES256",
        "x-amz-server-side-encryption-customer-key": Data(repeating: 7, count: 32).base64EncodedString(),
        "x-amz-server-side-encryption-customer-key-MD5": "ZmFrZQ==",
    ]

    static let refusedUploads: [(headers: [String: String], status: Int, code: String)] = [
        (customerKey, 501, "NotImplemented"),
        (["x-amz-server-side-encryption": "aws:kms"], 501, "NotImplemented"),
        (["x-amz-server-side-encryption": "aws:kms:dsse"], 501, "NotImplemented"),
        (
            ["x-amz-server-side-encryption": "aws:kms", "x-amz-server-side-encryption-aws-kms-key-id": "alias/k"], 501,
            "NotImplemented"
        ),
        (["x-amz-server-side-encryption-bucket-key-enabled": "true"], 501, "NotImplemented"),
        (["x-amz-acl": "public-read"], 400, "AccessControlListNotSupported"),
        (["x-amz-grant-read": "id=abc"], 400, "AccessControlListNotSupported"),
        (
            ["x-amz-object-lock-mode": "GOVERNANCE", "x-amz-object-lock-retain-until-date": "2030-01-01T00:00:00Z"],
            501, "NotImplemented"
        ),
        (["x-amz-object-lock-legal-hold": "ON"], 501, "NotImplemented"),
        (["x-amz-storage-class": "EXPRESS_ONEZONE"], 501, "NotImplemented"),
        (["x-amz-server-side-encryption": "AES256"].merging(customerKey) { $1 }, 400, "InvalidArgument"),
        (["x-amz-server-side-encryption-aws-kms-key-id": "alias/k"], 400, "InvalidArgument"),
    ]

    @Test("refused uploads answer S3's error and store nothing", arguments: 0..<refusedUploads.count)
    func refusedUploadStoresNothing(index: Int) async throws {
        let (headers, status, code) = Self.refusedUploads[index]
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            let put = try await client.send("PUT", bucket: bucket, key: "k", headers: headers, body: Data("v".utf8))
            #expect(put.status == status, "\(headers)")
            #expect(put.errorCode == code, "\(headers)")
            if code == "NotImplemented" {
                #expect(put.text.contains("<Header>"), "\(headers)")
            }
            let multipart = try await client.send("POST", bucket: bucket, key: "m", query: "uploads", headers: headers)
            #expect(multipart.errorCode == code, "\(headers)")
            #expect(try await client.headObject(bucket: bucket, key: "k") == false)
            let uploads = try await client.send("GET", bucket: bucket, query: "uploads")
            #expect(!uploads.text.contains("<Upload>"))
        }
    }

    @Test("what the emulator does implement is still accepted")
    func implementedValuesAreAccepted() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            let created = try await client.send(
                "PUT", bucket: bucket,
                headers: [
                    "x-amz-acl": "private", "x-amz-object-ownership": "BucketOwnerEnforced",
                    "x-amz-bucket-object-lock-enabled": "false",
                ])
            #expect(created.status == 200)
            try await client.putObject(
                bucket: bucket, key: "k", body: Data("v".utf8),
                headers: [
                    "x-amz-acl": "bucket-owner-full-control", "x-amz-server-side-encryption": "AES256",
                    "x-amz-storage-class": "STANDARD_IA", "x-amz-request-payer": "requester",
                ])
            let ownership = try await client.expectSuccess("GET", bucket: bucket, query: "ownershipControls")
            #expect(ownership.text.contains("<ObjectOwnership>BucketOwnerEnforced</ObjectOwnership>"))
        }
    }

    @Test("a GET with an SSE-C key is refused rather than answered with the data")
    func customerKeyOnRead() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            try await client.putObject(bucket: bucket, key: "k", body: Data("secret".utf8))
            let get = try await client.send("GET", bucket: bucket, key: "k", headers: Self.customerKey)
            #expect(get.status == 501)
            #expect(get.errorCode == "NotImplemented")
            #expect(!get.text.contains("secret"))
        }
    }

    @Test("CreateBucket with ACLs, Object Lock or ACL-enabled ownership creates no bucket")
    func createBucketRefusals() async throws {
        try await withEmulator { _, client in
            for (headers, status, code) in [
                (["x-amz-acl": "public-read"], 400, "InvalidBucketAclWithObjectOwnership"),
                (["x-amz-grant-full-control": "id=abc"], 400, "InvalidBucketAclWithObjectOwnership"),
                (["x-amz-bucket-object-lock-enabled": "true"], 501, "NotImplemented"),
                (["x-amz-object-ownership": "ObjectWriter"], 501, "NotImplemented"),
            ] {
                let bucket = uniqueBucket()
                let created = try await client.send("PUT", bucket: bucket, headers: headers)
                #expect(created.status == status, "\(headers)")
                #expect(created.errorCode == code, "\(headers)")
                #expect(try await client.send("HEAD", bucket: bucket).status == 404, "\(headers)")
            }
        }
    }

    @Test("sub-resources the emulator does not serve never fall through to the plain operation")
    func subresourcesDoNotFallThrough() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            try await client.putObject(bucket: bucket, key: "k", body: Data("v".utf8))
            for (method, key, query) in [
                ("GET", nil, "policyStatus"), ("GET", nil, "abac"), ("DELETE", nil, "versioning"),
                ("DELETE", nil, "acl"), ("PUT", nil, "acl"), ("PUT", nil, "cors"), ("PUT", nil, "ownershipControls"),
                ("DELETE", "k", "acl"), ("PUT", "k", "encryption"), ("PUT", "k", "retention"),
                ("GET", "k", "attributes"), ("POST", "k", "restore"),
            ] as [(String, String?, String)] {
                let response = try await client.send(method, bucket: bucket, key: key, query: query)
                #expect(response.status == 501, "\(method) \(query)")
                #expect(response.errorCode == "NotImplemented", "\(method) \(query)")
            }
            #expect(try await client.send("HEAD", bucket: bucket).status == 200)
            #expect(try await client.getObject(bucket: bucket, key: "k") == Data("v".utf8))
        }
    }

    @Test("refusals come after authorization: a caller who may not act is denied, not told what is missing")
    func refusalsFollowAuthorization() async throws {
        try await withEmulator { emulator, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            let identities = Identities(emulator)
            let reader = try await identities.user(
                "reader", policy: Identities.policy(#"{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}"#))
            let s3 = identities.s3(reader.credentials)
            let status = try await s3.send("GET", bucket: bucket, query: "policyStatus")
            #expect(status.errorCode == "AccessDenied")
            #expect(status.text.contains("s3:GetBucketPolicyStatus"))
            let put = try await s3.send(
                "PUT", bucket: bucket, key: "k", headers: Self.customerKey, body: Data("v".utf8))
            #expect(put.errorCode == "AccessDenied")
        }
    }

    @Test("x-amz-expected-bucket-owner is checked against the bucket's account")
    func expectedBucketOwner() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            try await client.putObject(
                bucket: bucket, key: "k", body: Data("v".utf8),
                headers: ["x-amz-expected-bucket-owner": "000000000000"])
            let wrong = try await client.send(
                "PUT", bucket: bucket, key: "other", headers: ["x-amz-expected-bucket-owner": "111111111111"],
                body: Data("v".utf8))
            #expect(wrong.status == 403)
            #expect(wrong.errorCode == "AccessDenied")
            #expect(try await client.headObject(bucket: bucket, key: "other") == false)
            let copy = try await client.send(
                "PUT", bucket: bucket, key: "copy",
                headers: ["x-amz-copy-source": "\(bucket)/k", "x-amz-source-expected-bucket-owner": "111111111111"])
            #expect(copy.errorCode == "AccessDenied")
        }
    }

    @Test("partNumber reads one part of a multipart object")
    func partNumberReads() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            let first = Data(repeating: 1, count: 5 * 1024 * 1024)
            let second = Data("the second part".utf8)
            let created = try await client.expectSuccess("POST", bucket: bucket, key: "mp", query: "uploads")
            let uploadId = try #require(try XMLTree.parse(created.body).text(of: "UploadId"))
            var etags: [String] = []
            for (number, part) in [first, second].enumerated() {
                let uploaded = try await client.expectSuccess(
                    "PUT", bucket: bucket, key: "mp", query: "partNumber=\(number + 1)&uploadId=\(uploadId)",
                    body: part)
                etags.append(uploaded.header("etag") ?? "")
            }
            let parts = etags.enumerated().map { "<Part><PartNumber>\($0 + 1)</PartNumber><ETag>\($1)</ETag></Part>" }
            try await client.expectSuccess(
                "POST", bucket: bucket, key: "mp", query: "uploadId=\(uploadId)",
                body: Data("<CompleteMultipartUpload>\(parts.joined())</CompleteMultipartUpload>".utf8))
            let part = try await client.send("GET", bucket: bucket, key: "mp", query: "partNumber=2")
            #expect(part.status == 206)
            #expect(part.body == second)
            #expect(part.header("x-amz-mp-parts-count") == "2")
            #expect(
                part.header("content-range")
                    == "bytes \(first.count)-\(first.count + second.count - 1)/\(first.count + second.count)")
            let head = try await client.send("HEAD", bucket: bucket, key: "mp", query: "partNumber=1")
            #expect(head.header("content-length") == String(first.count))
            let beyond = try await client.send("GET", bucket: bucket, key: "mp", query: "partNumber=3")
            #expect(beyond.status == 416)
            #expect(beyond.errorCode == "InvalidPartNumber")
            let both = try await client.send(
                "GET", bucket: bucket, key: "mp", query: "partNumber=1", headers: ["Range": "bytes=0-1"])
            #expect(both.errorCode == "InvalidRequest")
            try await client.putObject(bucket: bucket, key: "single", body: Data("whole".utf8))
            let whole = try await client.send("GET", bucket: bucket, key: "single", query: "partNumber=1")
            #expect(whole.status == 206)
            #expect(whole.body == Data("whole".utf8))
            #expect(whole.header("x-amz-mp-parts-count") == nil)
        }
    }

    @Test("archived objects cannot be read until restored, and KMS default encryption is refused")
    func archivesAndKMSDefaults() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            try await client.putObject(
                bucket: bucket, key: "cold", body: Data("v".utf8), headers: ["x-amz-storage-class": "GLACIER"])
            let get = try await client.send("GET", bucket: bucket, key: "cold")
            #expect(get.status == 403)
            #expect(get.errorCode == "InvalidObjectState")
            #expect(try await client.send("HEAD", bucket: bucket, key: "cold").status == 200)
            let kms = """
                <ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault>\
                <SSEAlgorithm>aws:kms</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule>\
                </ServerSideEncryptionConfiguration>
                """
            let put = try await client.send("PUT", bucket: bucket, query: "encryption", body: Data(kms.utf8))
            #expect(put.errorCode == "NotImplemented")
            let encryption = try await client.expectSuccess("GET", bucket: bucket, query: "encryption")
            #expect(encryption.text.contains("<SSEAlgorithm>AES256</SSEAlgorithm>"))
        }
    }

    @Test("IAM and STS refuse actions and parameters they do not implement, after authorization")
    func queryServices() async throws {
        try await withEmulator { emulator, _ in
            let identities = Identities(emulator)
            let iam = identities.iam()
            let details = try await iam.send("GetAccountAuthorizationDetails")
            #expect(details.status == 501)
            #expect(AWSServiceError(xmlResponse: details).code == "NotImplemented")
            #expect(AWSServiceError(xmlResponse: try await iam.send("FlyToTheMoon")).code == "InvalidAction")
            let filtered = try await iam.send("ListPolicies", [("PolicyUsageFilter", "PermissionsBoundary")])
            #expect(AWSServiceError(xmlResponse: filtered).code == "NotImplemented")
            let caller = try await identities.user(
                "caller",
                policy: Identities.policy(#"{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}"#))
            let trust = Identities.policy(
                #"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":"sts:AssumeRole"}"#)
            let role = try await identities.role("target", trust: trust)
            let sts = QueryClient(
                endpoint: emulator.endpoint, credentials: caller.credentials, service: "sts", version: "2011-06-15",
                transport: HTTPTransport(retry: .none))
            let mfa = try await sts.send(
                "AssumeRole",
                [
                    ("RoleArn", role), ("RoleSessionName", "session"),
                    ("SerialNumber", "arn:aws:iam::000000000000:mfa/x"),
                    ("TokenCode", "123456"),
                ])
            #expect(mfa.status == 501)
            #expect(AWSServiceError(xmlResponse: mfa).code == "NotImplemented")
            let missingRole = try await sts.send(
                "AssumeRole",
                [
                    ("RoleArn", "arn:aws:iam::000000000000:role/none"), ("RoleSessionName", "session"),
                    ("SerialNumber", "arn:aws:iam::000000000000:mfa/x"), ("TokenCode", "123456"),
                ])
            #expect(AWSServiceError(xmlResponse: missingRole).code == "AccessDenied")
            let token = try await sts.send("GetSessionToken", [("SerialNumber", "x"), ("TokenCode", "123456")])
            #expect(AWSServiceError(xmlResponse: token).code == "NotImplemented")
            let web = try await sts.send("AssumeRoleWithWebIdentity")
            #expect(AWSServiceError(xmlResponse: web).code == "NotImplemented")
        }
    }

    @Test("Kinesis refuses members and operations it does not implement and creates nothing")
    func kinesis() async throws {
        try await withEmulator { emulator, _ in
            let kinesis = KinesisTests.client(emulator, .json)
            let big = try await kinesis.call(
                "CreateStream", ["StreamName": "big", "ShardCount": .integer(1), "MaxRecordSizeInKiB": .integer(10240)])
            #expect(big.status == 501)
            #expect(big.errorType == "NotImplemented")
            #expect(
                try await kinesis.call("DescribeStreamSummary", ["StreamName": "big"]).errorType
                    == "ResourceNotFoundException")
            _ = try await kinesis.call("CreateStream", ["StreamName": "s", "ShardCount": .integer(1)])
            emulator.clock.advance(by: 1)
            let key = try await kinesis.call(
                "StartStreamEncryption",
                ["StreamName": "s", "EncryptionType": "KMS", "KeyId": "arn:aws:kms:us-east-1:000000000000:key/x"])
            #expect(key.errorType == "NotImplemented")
            let managed = try await kinesis.call(
                "StartStreamEncryption", ["StreamName": "s", "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"])
            #expect(managed.status == 200)
            let arn = try #require(
                try await kinesis.call("DescribeStreamSummary", ["StreamName": "s"]).document[
                    "StreamDescriptionSummary"]?["StreamARN"])
            _ = try await kinesis.call("RegisterStreamConsumer", ["StreamARN": arn, "ConsumerName": "reader"])
            emulator.clock.advance(by: 1)
            let held = try await kinesis.call("DeleteStream", ["StreamName": "s"])
            #expect(held.errorType == "ResourceInUseException")
            let forced = try await kinesis.call("DeleteStream", ["StreamName": "s", "EnforceConsumerDeletion": true])
            #expect(forced.status == 200)
            #expect(try await kinesis.call("SubscribeToShard").errorType == "NotImplemented")
            #expect(try await kinesis.call("Teleport").errorType == "UnknownOperationException")
        }
    }

    @Test("Databricks refuses fields whose effect it does not produce")
    func databricks() async throws {
        try await withEmulator { emulator, _ in
            let harness = DatabricksHarness(emulator)
            let serverless = await databricksError {
                try await harness.createWorkspace("sl", extra: ["compute_mode": "SERVERLESS"])
            }
            #expect(serverless?.code == "NOT_IMPLEMENTED")
            #expect(serverless?.status == 501)
            let workspace = harness.workspace(try await harness.runningWorkspace().url)
            let refused = await databricksError {
                try await workspace.json(
                    "POST", "/api/2.1/clusters/create",
                    body: [
                        "cluster_name": "c", "spark_version": "15.4.x-scala2.12", "node_type_id": "i3.xlarge",
                        "num_workers": 1, "init_scripts": [["workspace": ["destination": "/init.sh"]]],
                    ])
            }
            #expect(refused?.code == "NOT_IMPLEMENTED")
            let clusters = try await workspace.json("GET", "/api/2.1/clusters/list")
            #expect((clusters["clusters"] as? [Any] ?? []).isEmpty)
        }
    }
}
