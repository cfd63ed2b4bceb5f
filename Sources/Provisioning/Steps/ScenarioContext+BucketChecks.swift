import CloudClients
import FeatureRunner
import Foundation

extension ScenarioContext {
    /// Compares a bucket's versioning with `enabled`, `suspended` or `disabled` (in any letter case).
    func expectVersioning(_ logical: String, _ expected: String) async throws {
        let known = ["enabled", "suspended", "disabled"]
        guard known.contains(expected.lowercased()) else {
            throw StepFailure("\"\(expected)\" is not a versioning state; write enabled, suspended or disabled")
        }
        let bucket = try self.bucket(logical)
        let status = try await s3.bucketVersioning(bucket) ?? "disabled"
        try expect(
            status.caseInsensitiveCompare(expected) == .orderedSame,
            "expected bucket \"\(logical)\" (\(bucket)) to have versioning \(expected), but it is \(status)"
                + (status == "disabled" ? " (never turned on)" : ""))
    }

    /// Compares a bucket's default encryption algorithm (in any letter case).
    func expectEncryption(_ logical: String, _ expected: String) async throws {
        let bucket = try self.bucket(logical)
        guard let rule = try await s3.bucketEncryption(bucket) else {
            throw StepFailure(
                "expected bucket \"\(logical)\" (\(bucket)) to encrypt with \(expected), but it has no "
                    + "default encryption")
        }
        try expect(
            rule.algorithm.caseInsensitiveCompare(expected) == .orderedSame,
            "expected bucket \"\(logical)\" (\(bucket)) to encrypt with \(expected), but its default encryption is "
                + rule.algorithm + (rule.kmsKeyId.map { " (key \($0))" } ?? ""))
    }

    /// Checks the public access block: every setting on (`setting` `nil`), or one setting on or off.
    func expectPublicAccessBlock(_ logical: String, setting: String?, on: Bool) async throws {
        let bucket = try self.bucket(logical)
        let block = try await s3.publicAccessBlock(bucket)
        let flags =
            (block
            ?? S3PublicAccessBlock(
                blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false))
            .flags
        let shown =
            block == nil
            ? "it has no public access block"
            : "its public access block has "
                + flags.map { "\($0.name) \($0.value ? "on" : "off")" }.joined(separator: ", ")
        guard let setting else {
            try expect(
                block?.blocksAll == true,
                "expected bucket \"\(logical)\" (\(bucket)) to block all public access, but \(shown)")
            return
        }
        guard let flag = flags.first(where: { $0.name.caseInsensitiveCompare(setting) == .orderedSame }) else {
            throw StepFailure(
                "\"\(setting)\" is not a public access block setting; write one of "
                    + flags.map(\.name).joined(separator: ", "))
        }
        try expect(
            flag.value == on,
            "expected bucket \"\(logical)\" (\(bucket)) to have \(flag.name) \(on ? "on" : "off"), but \(shown)")
    }

    /// Compares one tag of a bucket's or role's tags.
    func expectTag(_ tags: [String: String], _ key: String, _ expected: String, of subject: String) throws {
        guard let value = tags[key] else {
            let known = tags.keys.sorted().joined(separator: ", ")
            throw StepFailure(
                "expected \(subject) to have the tag \"\(key)\", but it has "
                    + (known.isEmpty ? "no tags" : "only \(known)"))
        }
        try expect(
            value == expected, "expected \(subject)'s tag \"\(key)\" to be \"\(expected)\", but it is \"\(value)\"")
    }

    /// Evaluates a bucket's policy for a principal and an action (``BucketPolicyCheck``).
    func expectBucketPolicy(_ step: StepCall, allows expected: Bool, key: String?) async throws {
        let logical: String = try step.argument(0)
        let bucket = try self.bucket(logical)
        let principal = try principal(try step.argument(1))
        let action = try step.string(2, in: self)
        guard action.lowercased().hasPrefix("s3:"), action.count > 3 else {
            throw StepFailure("\"\(action)\" is not an S3 action; write s3:Action, like s3:GetObject")
        }
        guard let policy = try await s3.bucketPolicy(bucket) else {
            try expect(
                !expected,
                "expected the policy of bucket \"\(logical)\" (\(bucket)) to allow \(principal.arn) "
                    + "\(action), but the bucket has no policy")
            return
        }
        let check = BucketPolicyCheck(policy: policy, bucket: bucket)
        let outcome: String
        do {
            outcome = try check.decide(principal, action: action, key: key).rawValue
        } catch {
            throw StepFailure("the policy of bucket \"\(logical)\" (\(bucket)) is not a policy document: \(error)")
        }
        let resource = check.resource(for: action, key: key)
        try expect(
            (outcome == "allowed") == expected,
            "expected the policy of bucket \"\(logical)\" (\(bucket)) \(expected ? "to allow" : "not to allow") "
                + "\(principal.arn) \(action) on \(resource), but it decides \(outcome)")
    }
}
