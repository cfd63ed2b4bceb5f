import CloudClients
import Emulator
import Foundation
import Testing

/// The typed IAM, Kinesis and S3 clients, over the wire against an in-process emulator.
@Suite("TypedClients") struct TypedClientsTests {
    static let root = AWSCredentials(accessKeyId: "test", secretAccessKey: "test")

    static let trustPolicy = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},\
        "Action":"sts:AssumeRole"}]}
        """

    static let readPolicy = """
        {"Version":"2012-10-17","Statement":[\
        {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"},\
        {"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}
        """

    // MARK: - IAM

    @Test func rolesTagsAndPolicies() async throws {
        let emulator = try await Emulator.start()
        let iam = IAMClient(endpoint: emulator.endpoint, credentials: Self.root)

        let arn = try await iam.createRole(name: "reader", trustPolicy: Self.trustPolicy, tags: ["team": "data"])
        #expect(arn == "arn:aws:iam::000000000000:role/reader")
        let role = try await iam.getRole(name: "reader")
        #expect(role.name == "reader")
        #expect(role.arn == arn)
        #expect(role.roleId.hasPrefix("AROA"))
        #expect(role.created != nil)

        try await iam.createRole(name: "writer", trustPolicy: Self.trustPolicy)
        #expect(try await iam.listRoles().map(\.name).sorted() == ["reader", "writer"])

        try await iam.tagRole(name: "reader", tags: ["env": "test", "team": "platform"])
        #expect(try await iam.listRoleTags(name: "reader") == ["env": "test", "team": "platform"])

        try await iam.putRolePolicy(role: "reader", name: "read-data", document: Self.readPolicy)
        #expect(try await iam.listRolePolicies(role: "reader") == ["read-data"])
        let readOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        try await iam.attachRolePolicy(role: "reader", policyArn: readOnly)
        #expect(try await iam.listAttachedRolePolicies(role: "reader") == [readOnly])

        // A role with policies cannot go.
        await #expect(throws: AWSServiceError.self) { try await iam.deleteRole(name: "reader") }

        try await iam.detachRolePolicy(role: "reader", policyArn: readOnly)
        #expect(try await iam.listAttachedRolePolicies(role: "reader").isEmpty)
        try await iam.deleteRolePolicy(role: "reader", name: "read-data")
        #expect(try await iam.listRolePolicies(role: "reader").isEmpty)
        try await iam.deleteRole(name: "reader")
        #expect(try await iam.listRoles().map(\.name) == ["writer"])

        do {
            _ = try await iam.getRole(name: "reader")
            Issue.record("GetRole of a deleted role succeeded")
        } catch let error as AWSServiceError {
            #expect(error.code == "NoSuchEntity")
            #expect(error.status == 404)
        }
        await emulator.shutdown()
    }

    @Test func listsFollowMarkers() async throws {
        let emulator = try await Emulator.start()
        let iam = IAMClient(endpoint: emulator.endpoint, credentials: Self.root)

        for index in 0..<105 {
            try await iam.createRole(name: "role-\(index)", trustPolicy: Self.trustPolicy)
        }
        let roles = try await iam.listRoles()
        #expect(roles.count == 105)
        #expect(Set(roles.map(\.name)).count == 105)

        let policies = try await iam.listPolicies()
        #expect(policies.contains("ReadOnlyAccess"))
        let paged = try await iam.members("ListPolicies", [("Scope", "AWS"), ("MaxItems", "5")], list: "Policies")
        #expect(paged.compactMap { $0.text(of: "PolicyName") } == policies)
        #expect(try await iam.listPolicies(scope: "Local").isEmpty)
        await emulator.shutdown()
    }

    @Test func managedPolicies() async throws {
        let emulator = try await Emulator.start()
        let iam = IAMClient(endpoint: emulator.endpoint, credentials: Self.root)

        #expect(try await iam.getPolicy(arn: "arn:aws:iam::aws:policy/ReadOnlyAccess") == "ReadOnlyAccess")
        do {
            _ = try await iam.getPolicy(arn: "arn:aws:iam::aws:policy/NoSuchPolicy")
            Issue.record("GetPolicy of a missing policy succeeded")
        } catch let error as AWSServiceError {
            #expect(error.code == "NoSuchEntity")
        }
        await emulator.shutdown()
    }

    @Test func instanceProfiles() async throws {
        let emulator = try await Emulator.start()
        let iam = IAMClient(endpoint: emulator.endpoint, credentials: Self.root)

        try await iam.createRole(name: "node", trustPolicy: Self.trustPolicy)
        let arn = try await iam.createInstanceProfile(name: "nodes", tags: ["purpose": "cluster"])
        #expect(arn == "arn:aws:iam::000000000000:instance-profile/nodes")
        #expect(try await iam.listInstanceProfileTags(name: "nodes") == ["purpose": "cluster"])

        try await iam.addRoleToInstanceProfile(profile: "nodes", role: "node")
        #expect(
            try await iam.listInstanceProfiles() == [IAMInstanceProfile(name: "nodes", arn: arn, roles: ["node"])])
        #expect(try await iam.getInstanceProfile(name: "nodes").roles == ["node"])

        // A profile with a role cannot go.
        await #expect(throws: AWSServiceError.self) { try await iam.deleteInstanceProfile(name: "nodes") }

        try await iam.removeRoleFromInstanceProfile(profile: "nodes", role: "node")
        #expect(try await iam.listInstanceProfiles().first?.roles == [])
        try await iam.deleteInstanceProfile(name: "nodes")
        #expect(try await iam.listInstanceProfiles().isEmpty)

        do {
            _ = try await iam.listInstanceProfileTags(name: "nodes")
            Issue.record("tags of a deleted instance profile were read")
        } catch let error as AWSServiceError {
            #expect(error.code == "NoSuchEntity")
        }
        await emulator.shutdown()
    }

    @Test func simulatePrincipalPolicy() async throws {
        let emulator = try await Emulator.start()
        let iam = IAMClient(endpoint: emulator.endpoint, credentials: Self.root)

        let arn = try await iam.createRole(name: "reader", trustPolicy: Self.trustPolicy)
        try await iam.putRolePolicy(role: "reader", name: "read-data", document: Self.readPolicy)
        let results = try await iam.simulatePrincipalPolicy(
            principalArn: arn, actions: ["s3:GetObject", "s3:DeleteObject", "s3:PutObject"],
            resources: ["arn:aws:s3:::data/report.csv"])
        #expect(
            results == [
                IAMSimulationResult(
                    action: "s3:GetObject", resource: "arn:aws:s3:::data/report.csv", decision: "allowed"),
                IAMSimulationResult(
                    action: "s3:DeleteObject", resource: "arn:aws:s3:::data/report.csv", decision: "explicitDeny"),
                IAMSimulationResult(
                    action: "s3:PutObject", resource: "arn:aws:s3:::data/report.csv", decision: "implicitDeny"),
            ])

        let anywhere = try await iam.simulatePrincipalPolicy(principalArn: arn, actions: ["s3:DeleteObject"])
        #expect(anywhere.map(\.decision) == ["explicitDeny"])
        await emulator.shutdown()
    }

    // MARK: - Kinesis

    @Test func kinesisStreams() async throws {
        let emulator = try await Emulator.start()
        let kinesis = KinesisClient(endpoint: emulator.endpoint, credentials: Self.root)

        try await kinesis.createStream(name: "events", shardCount: 2)
        #expect(["CREATING", "ACTIVE"].contains(try await kinesis.describeStreamSummary(name: "events").status))
        emulator.clock.advance(by: 1)
        let summary = try await kinesis.describeStreamSummary(name: "events")
        #expect(summary.name == "events")
        #expect(summary.arn == "arn:aws:kinesis:us-east-1:000000000000:stream/events")
        #expect(summary.status == "ACTIVE")
        #expect(summary.openShardCount == 2)

        try await kinesis.createStream(name: "audit", shardCount: 1)
        #expect(try await kinesis.listStreams() == ["audit", "events"])
        emulator.clock.advance(by: 1)

        try await kinesis.addTags(stream: "events", tags: ["team": "data", "env": "test"])
        #expect(try await kinesis.listTags(stream: "events") == ["team": "data", "env": "test"])

        #expect(try await kinesis.listShards(stream: "events").count == 2)
        let records = (0..<25).map { (partitionKey: "key-\($0)", data: Data("record \($0)".utf8)) }
        #expect(try await kinesis.putRecords(stream: "events", records: records) == 0)
        #expect(try await kinesis.countRecords(stream: "events") == 25)
        #expect(try await kinesis.countRecords(stream: "audit") == 0)

        try await kinesis.deleteStream(name: "events")
        emulator.clock.advance(by: 1)
        #expect(try await kinesis.listStreams() == ["audit"])
        do {
            _ = try await kinesis.describeStreamSummary(name: "events")
            Issue.record("DescribeStreamSummary of a deleted stream succeeded")
        } catch let error as AWSServiceError {
            #expect(error.code == "ResourceNotFoundException")
            #expect(error.status == 400)
            #expect(!error.message.isEmpty)
        }
        await emulator.shutdown()
    }

    @Test func kinesisListsFollowPages() async throws {
        let emulator = try await Emulator.start()
        let kinesis = KinesisClient(endpoint: emulator.endpoint, credentials: Self.root)

        let names = (0..<105).map { String(format: "stream-%03d", $0) }
        for name in names { try await kinesis.createStream(name: name, shardCount: 1) }
        #expect(try await kinesis.listStreams() == names)

        emulator.clock.advance(by: 1)
        let tags = Dictionary(uniqueKeysWithValues: (0..<50).map { ("key-\($0)", "value-\($0)") })
        try await kinesis.addTags(stream: "stream-000", tags: tags)
        #expect(try await kinesis.listTags(stream: "stream-000") == tags)
        await emulator.shutdown()
    }

    // MARK: - S3

    @Test func bucketConfiguration() async throws {
        let emulator = try await Emulator.start()
        let s3 = S3Client(endpoint: emulator.endpoint, credentials: Self.root)

        try await s3.createBucket("config")
        #expect(try await s3.bucketVersioning("config") == nil)
        try await s3.putBucketVersioning("config", enabled: true)
        #expect(try await s3.bucketVersioning("config") == "Enabled")
        try await s3.putBucketVersioning("config", enabled: false)
        #expect(try await s3.bucketVersioning("config") == "Suspended")

        #expect(try await s3.bucketPolicy("config") == nil)
        let policy = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
            "Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":"s3:GetObject",\
            "Resource":"arn:aws:s3:::config/*"}]}
            """
        try await s3.putBucketPolicy("config", policy: policy)
        #expect(try await s3.bucketPolicy("config") == policy)

        #expect(try await s3.bucketTagging("config") == [:])
        try await s3.putBucketTagging("config", tags: ["team": "data", "note": "a & b <c>"])
        #expect(try await s3.bucketTagging("config") == ["team": "data", "note": "a & b <c>"])

        try await s3.createBucket("another")
        let buckets = try await s3.listBuckets()
        #expect(buckets.map(\.name) == ["another", "config"])
        #expect(buckets.allSatisfy { $0.created != nil })

        do {
            _ = try await s3.bucketVersioning("missing")
            Issue.record("GetBucketVersioning of a missing bucket succeeded")
        } catch let error as AWSServiceError {
            #expect(error.code == "NoSuchBucket")
            #expect(error.status == 404)
        }
        await emulator.shutdown()
    }

    @Test func emptyAndDeleteVersionedBucket() async throws {
        let emulator = try await Emulator.start()
        let s3 = S3Client(endpoint: emulator.endpoint, credentials: Self.root)

        try await s3.createBucket("versioned")
        try await s3.putObject(bucket: "versioned", key: "plain", body: Data("before versioning".utf8))
        try await s3.putBucketVersioning("versioned", enabled: true)
        for index in 0..<1_005 {
            try await s3.putObject(bucket: "versioned", key: "dir/key \(index % 3)", body: Data("v\(index)".utf8))
        }
        try await s3.deleteObject(bucket: "versioned", key: "dir/key 0")

        #expect(try await s3.headObject(bucket: "versioned", key: "plain"))
        #expect(try await s3.headObject(bucket: "versioned", key: "dir/key 1"))
        #expect(try await s3.headObject(bucket: "versioned", key: "dir/key 0") == false)
        #expect(try await s3.headObject(bucket: "versioned", key: "never-written") == false)
        #expect(try await s3.headObject(bucket: "no-such-bucket", key: "plain") == false)

        try await s3.emptyAndDeleteBucket("versioned")
        #expect(try await s3.listBuckets().isEmpty)
        // Already gone: not an error.
        try await s3.emptyAndDeleteBucket("versioned")
        await emulator.shutdown()
    }
}
