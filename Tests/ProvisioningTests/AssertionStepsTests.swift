import FeatureRunner
import Foundation
import Testing

@testable import Provisioning

/// The Then steps that read back what the provisioning steps made, against the in-process emulator.
@Suite("Assertion steps")
struct AssertionStepsTests {
    /// Runs steps in one scenario; returns the failures' messages.
    func failures(_ steps: String) async throws -> [String] {
        let harness = FeatureHarness()
        defer { Task { await harness.run.finish() } }
        let result = try await harness.execute("Feature: checks\n  Scenario: one\n" + steps)
        return FeatureHarness.failures(result)
    }

    @Test("versioning, encryption, public access block and tags of a root bucket")
    func bucketChecks() async throws {
        let messages = try await failures(
            """
                Given an S3 bucket "root" prepared as a Databricks root bucket
                And an S3 bucket "plain"
                And all public access to bucket "root" is blocked
                Then bucket "root" has versioning ENABLED
                And bucket "plain" has versioning disabled
                And bucket "root" has default encryption "aes256"
                And bucket "root" blocks all public access
                And the public access block of bucket "root" has restrictpublicbuckets on
                And bucket "root" has the tag "brickyard:created-by" with value "brickyard"
                And the policy of bucket "root" allows "arn:aws:iam::${databricks:aws}:root" to "s3:GetObject"
            """)
        #expect(messages.isEmpty, "\(messages)")
    }

    @Test("a check that does not hold says what was expected and what the bucket has")
    func failingChecks() async throws {
        for (step, expected) in [
            (#"Then bucket "b" has versioning enabled"#, "to have versioning enabled, but it is disabled"),
            (#"Then bucket "b" blocks all public access"#, "to block all public access, but it has no public access"),
            (#"Then bucket "b" has default encryption "aws:kms""#, "its default encryption is AES256"),
            (#"Then bucket "b" has the tag "team" with value "x""#, #"to have the tag "team", but it has only"#),
            (#"Then bucket "b" has versioning sideways"#, #""sideways" is not a versioning state"#),
            (
                #"Then the policy of bucket "b" allows "arn:aws:iam::111122223333:root" to "s3:GetObject""#,
                "but the bucket has no policy"
            ),
        ] {
            let messages = try await failures("    Given an S3 bucket \"b\"\n    \(step)\n")
            #expect(messages.count == 1 && messages[0].contains(expected), "\(step): \(messages)")
        }
    }

    @Test("the bucket policy is evaluated for any principal: grants, denies, keys, other accounts")
    func bucketPolicy() async throws {
        let messages = try await failures(
            #"""
                Given an S3 bucket "data"
                And bucket "data" has this policy:
                  """json
                  {"Version":"2012-10-17","Statement":[
                    {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/ana"},
                     "Action":"s3:GetObject","Resource":"arn:aws:s3:::${bucket:data}/raw/*"},
                    {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},
                     "Action":["s3:ListBucket","s3:GetObject"],
                     "Resource":["arn:aws:s3:::${bucket:data}","arn:aws:s3:::${bucket:data}/*"]},
                    {"Effect":"Deny","Principal":"*","Action":"s3:GetObject",
                     "Resource":"arn:aws:s3:::${bucket:data}/secret/*"}]}
                  """
                Then the policy of bucket "data" allows "arn:aws:iam::111122223333:user/ana" to "s3:GetObject" on "raw/a"
                And the policy of bucket "data" does not allow "arn:aws:iam::111122223333:user/ana" to "s3:GetObject"
                And the policy of bucket "data" allows "arn:aws:sts::444455556666:assumed-role/etl/job" to "s3:ListBucket"
                And the policy of bucket "data" does not allow "444455556666" to "s3:GetObject" on "secret/k"
                And principal "arn:aws:iam::111122223333:user/ana" is allowed to "s3:GetObject" on "arn:aws:s3:::${bucket:data}/raw/a"
                And principal "arn:aws:iam::111122223333:user/ana" is denied to "s3:PutObject" on "arn:aws:s3:::${bucket:data}/raw/a"
                And principal "arn:aws:iam::${account}:root" is denied to "s3:GetObject" on "arn:aws:s3:::${bucket:data}/secret/k"
                And principal "${account}" is allowed to "s3:DeleteBucket" on "arn:aws:s3:::${bucket:data}"
            """#)
        #expect(messages.isEmpty, "\(messages)")
    }

    @Test("a principal ARN of this account's users and sessions goes to IAM's simulator")
    func simulatedPrincipals() async throws {
        let messages = try await failures(
            """
                Given an IAM role "reader" trusted by service "ec2.amazonaws.com"
                And role "reader" has managed policy "AmazonS3ReadOnlyAccess"
                Then principal "${role:reader}" is allowed to "s3:GetObject" on "*"
                And role "reader" has the tag "brickyard:run-id" with value "${run}"
                And principal "arn:aws:iam::12:rol/x" is allowed to "s3:GetObject" on "*"
            """)
        #expect(messages.count == 1 && messages[0].contains("is not a principal ARN"), "\(messages)")
    }

    @Test("principal ARNs of every kind are understood")
    func principalKinds() throws {
        let session = try #require(PrincipalReference("arn:aws:sts::123456789012:assumed-role/etl/job-7"))
        #expect(session.simulationSource == "arn:aws:iam::123456789012:role/etl")
        #expect(session.account == "123456789012")
        #expect(PrincipalReference("arn:aws:iam::123456789012:user/path/ana")?.simulationSource != nil)
        #expect(PrincipalReference("arn:aws:iam::123456789012:role/etl")?.kind == .role)
        #expect(PrincipalReference("arn:aws:iam::123456789012:root")?.kind == .root)
        #expect(PrincipalReference("123456789012")?.arn == "arn:aws:iam::123456789012:root")
        #expect(PrincipalReference("arn:aws:iam::123456789012:root")?.simulationSource == nil)
        #expect(PrincipalReference("arn:aws:s3:::bucket") == nil)
        #expect(PrincipalReference("arn:aws:iam::12:role/x") == nil)
    }

    @Test("the guide's policies as placeholders")
    func guidePlaceholders() async throws {
        let messages = try await failures(
            #"""
                Given an S3 bucket "root"
                And bucket "root" has this policy:
                  """json
                  ${guide:root-bucket-policy:root}
                  """
                And an IAM role "cross" trusted by account "${databricks:aws}" with external id "${databricks:account}"
                And role "cross" has this inline policy "databricks":
                  """json
                  ${guide:cross-account-policy:customer-managed-vpc}
                  """
                Then the policy of bucket "root" allows "${databricks:aws}" to "s3:PutObject"
                And principal "cross" is allowed to "ec2:RunInstances" on "*"
                And principal "cross" is denied to "ec2:CreateVpc" on "*"
            """#)
        #expect(messages.isEmpty, "\(messages)")
        let unknown = try await failures(
            #"""
                Given an S3 bucket "root"
                And bucket "root" has this policy:
                  """json
                  ${guide:nothing}
                  """
            """#)
        #expect(unknown.count == 1 && unknown[0].contains("${guide:cross-account-policy}"), "\(unknown)")
    }

    @Test("status words compare in any letter case")
    func caseInsensitiveStatus() async throws {
        let messages = try await failures(
            """
                Given a Databricks workspace "main"
                Then workspace "main" is running
                And workspace "main" is Running
            """)
        #expect(messages.isEmpty, "\(messages)")
    }
}
