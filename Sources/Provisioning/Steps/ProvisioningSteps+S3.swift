import CloudClients
import FeatureRunner
import Foundation

extension ProvisioningSteps {
    static func registerS3(_ steps: inout StepRegistrar) {
        steps.add(
            "an S3 bucket {string}", "Creates a bucket (tagged with the run id) that the scenario's teardown deletes.",
            example: #"Given an S3 bucket "landing""#
        ) { context, step in
            try await context.createBucket(try step.argument(0))
        }
        steps.add(
            "an S3 bucket {string} with versioning enabled", "Creates a bucket and turns versioning on.",
            example: #"Given an S3 bucket "audit" with versioning enabled"#
        ) { context, step in
            let bucket = try await context.createBucket(try step.argument(0))
            try await context.s3.putBucketVersioning(bucket, enabled: true)
        }
        steps.add(
            "an S3 bucket {string} prepared as a Databricks root bucket",
            "Creates a bucket with versioning and the bucket policy that lets Databricks' AWS account in.",
            example: #"Given an S3 bucket "root" prepared as a Databricks root bucket"#
        ) { context, step in
            try await context.createRootBucket(try step.argument(0))
        }
        steps.add(
            "I put object {string} into bucket {string} with content {string}", "Writes an object.",
            example: #"When I put object "raw/a.csv" into bucket "landing" with content "id,name""#
        ) { context, step in
            try await context.putObject(
                try step.string(0, in: context), into: try step.argument(1), content: try step.string(2, in: context))
        }
        steps.add(
            "bucket {string} has object {string} with content {string}", "Reads an object and compares its content.",
            example: #"Then bucket "landing" has object "raw/a.csv" with content "id,name""#
        ) { context, step in
            try await context.expectObject(
                try step.string(1, in: context), in: try step.argument(0), content: try step.string(2, in: context))
        }
        steps.add(
            "bucket {string} has no object {string}", "Checks that a key does not exist.",
            example: #"Then bucket "landing" has no object "raw/b.csv""#
        ) { context, step in
            let bucket = try context.bucket(try step.argument(0))
            let key = try step.string(1, in: context)
            let exists = try await context.s3.headObject(bucket: bucket, key: key)
            let logical: String = try step.argument(0)
            try expect(!exists, "bucket \"\(logical)\" (\(bucket)) has object \"\(key)\"")
        }
        steps.add(
            "bucket {string} has this policy:",
            "Sets the bucket's policy from a JSON doc string (placeholders allowed).",
            example:
                "Given bucket \"landing\" has this policy:\n  \"\"\"json\n  {\"Version\": \"2012-10-17\", ...}\n  \"\"\""
        ) { context, step in
            let bucket = try context.bucket(try step.argument(0))
            try await context.s3.putBucketPolicy(bucket, policy: try context.jsonDocString(step))
        }
    }
}

extension ScenarioContext {
    /// Creates a bucket for a logical name, tags it and records it in the ledger.
    @discardableResult
    func createBucket(_ logical: String) async throws -> String {
        try claim(logical, in: \.buckets, noun: "S3 bucket")
        let physical = names.physical(logical, .bucket)
        let s3 = self.s3
        try await s3.createBucket(physical, region: session.aws.region)
        ledger.record(
            .bucket, logical: logical, physical: physical, cleanup: .aws("s3", "rb", "s3://\(physical)", "--force")
        ) {
            try await s3.emptyAndDeleteBucket(physical)
        }
        state.withLock { $0.buckets[logical] = physical }
        try await s3.putBucketTagging(physical, tags: names.tags)
        return physical
    }

    /// A bucket prepared as Databricks' deployment guide says: versioning, and the policy that lets Databricks' AWS
    /// account in.
    @discardableResult
    func createRootBucket(_ logical: String) async throws -> String {
        let bucket = try await createBucket(logical)
        try await s3.putBucketVersioning(bucket, enabled: true)
        try await s3.putBucketPolicy(bucket, policy: rootBucketPolicy(bucket))
        return bucket
    }

    /// Writes an object into a bucket the scenario made.
    func putObject(_ key: String, into logical: String, content: String) async throws {
        try await s3.putObject(bucket: try bucket(logical), key: key, body: Data(content.utf8))
    }

    /// Reads an object of a bucket the scenario made and compares its content.
    func expectObject(_ key: String, in logical: String, content expected: String) async throws {
        let bucket = try self.bucket(logical)
        let response = try await s3.send("GET", bucket: bucket, key: key)
        guard response.status == 200 else {
            throw StepFailure(
                "expected object \"\(key)\" in bucket \"\(logical)\" (\(bucket)), but GET answered "
                    + "\(response.status) \(response.errorCode ?? "")")
        }
        try expect(
            response.text == expected, "object \"\(key)\" holds \"\(response.text.prefix(200))\", not \"\(expected)\"")
    }

    /// The physical name of a bucket the scenario made.
    func bucket(_ logical: String) throws -> String {
        try lookup(logical, \.buckets, noun: "S3 bucket", how: "Given an S3 bucket \"\(logical)\"")
    }

    /// Fails when the scenario already made something of this kind under this name.
    func claim<Value: Sendable>(
        _ logical: String, in table: KeyPath<ScenarioState, [String: Value]>, noun: String
    ) throws {
        guard !logical.isEmpty else { throw StepFailure("a \(noun) needs a name") }
        if state.withLock({ $0[keyPath: table][logical] }) != nil {
            throw StepFailure("the scenario already has a \(noun) \"\(logical)\"")
        }
    }

    func lookup<Value: Sendable>(
        _ logical: String, _ table: KeyPath<ScenarioState, [String: Value]>, noun: String, how: String
    ) throws -> Value {
        let (value, known) = state.withLock { ($0[keyPath: table][logical], $0[keyPath: table].keys.sorted()) }
        if let value { return value }
        let list = known.isEmpty ? "none yet" : known.map { "\"\($0)\"" }.joined(separator: ", ")
        throw StepFailure("the scenario has no \(noun) \"\(logical)\" (it has \(list)); create it first: \(how)")
    }

    /// The root bucket policy of Databricks' deployment guide.
    func rootBucketPolicy(_ bucket: String) -> String {
        """
        {"Version":"2012-10-17","Statement":[{"Sid":"Grant Databricks Access","Effect":"Allow",\
        "Principal":{"AWS":"arn:aws:iam::\(session.databricks.awsAccountId):root"},\
        "Action":["s3:GetObject","s3:GetObjectVersion","s3:PutObject","s3:DeleteObject","s3:ListBucket",\
        "s3:GetBucketLocation"],"Resource":["arn:aws:s3:::\(bucket)/*","arn:aws:s3:::\(bucket)"]}]}
        """
    }
}
