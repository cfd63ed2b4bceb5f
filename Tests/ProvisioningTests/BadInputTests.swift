import FeatureRunner
import Foundation
import Provisioning
import Testing

/// Step arguments that cannot be right fail their step with a message naming the problem and what is accepted.
@Suite("Bad step input")
struct BadInputTests {
    func failure(of steps: String) async throws -> String {
        let harness = FeatureHarness()
        defer { Task { await harness.run.finish() } }
        let result = try await harness.execute("Feature: bad input\n  Scenario: one\n" + steps)
        let failures = FeatureHarness.failures(result)
        try #require(failures.count == 1, "\(failures)")
        return failures[0]
    }

    @Test("an unknown managed policy names the nearest AWS managed policies")
    func unknownManagedPolicy() async throws {
        let message = try await failure(
            of: """
                    Given an IAM role "reader" trusted by service "ec2.amazonaws.com"
                    And role "reader" has managed policy "AmazonS3ReadOnly"
                """)
        #expect(message.contains(#"there is no managed policy "AmazonS3ReadOnly""#))
        #expect(message.contains("AmazonS3ReadOnlyAccess"))
    }

    @Test("a malformed ARN says what an ARN looks like")
    func malformedARN() async throws {
        let message = try await failure(
            of: """
                    Given an IAM role "reader" trusted by service "ec2.amazonaws.com"
                    Then principal "reader" is allowed to "s3:GetObject" on "my-bucket/key"
                """)
        #expect(message.contains(#""my-bucket/key" is not a resource ARN"#))
        let role = try await failure(
            of: #"    Then principal "arn:aws:iam::12:rol/x" is allowed to "s3:GetObject" on "*""#)
        #expect(role.contains("is not a principal ARN"))
    }

    @Test("a doc string that is not JSON where JSON is needed")
    func notJSON() async throws {
        let message = try await failure(
            of: """
                    Given an S3 bucket "data"
                    And bucket "data" has this policy:
                      \"\"\"
                      Version: 2012-10-17
                      \"\"\"
                """)
        #expect(message.contains("the doc string is not JSON"))
        #expect(message.contains(#""Version": "2012-10-17""#))
    }

    @Test("an unknown placeholder lists the placeholders")
    func unknownPlaceholder() async throws {
        let message = try await failure(
            of:
                #"    Given an IAM role "x" trusted by account "${databricks:gcp}" with external id "${databricks:account}""#
        )
        #expect(message.contains("unknown placeholder ${databricks:gcp}"))
        #expect(message.contains("${databricks:aws}"))
    }

    @Test("a service refusal names the error code and the request")
    func refusal() async throws {
        let message = try await failure(
            of: """
                    Given an IAM role "app" trusted by service "lambda.amazonaws.com"
                    And role "app" has this inline policy "broken":
                      \"\"\"json
                      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject"}]}
                      \"\"\"
                """)
        #expect(message.contains("AWS refused: MalformedPolicyDocument"))
        #expect(message.contains("The request: POST http://127.0.0.1:"))
    }

    @Test("a step that needs something the scenario did not make says how to make it")
    func missingResource() async throws {
        let message = try await failure(of: #"    Then stream "clicks" holds 3 records"#)
        #expect(message.contains(#"the scenario has no Kinesis stream "clicks""#))
        #expect(message.contains(#"Given a Kinesis stream "clicks" with 1 shard"#))
    }

    @Test("a not-a-service trust principal and a bad account id")
    func badPrincipals() async throws {
        let service = try await failure(of: #"    Given an IAM role "r" trusted by service "ec2""#)
        #expect(service.contains("not an AWS service principal"))
        let account = try await failure(
            of: #"    Given an IAM role "r" trusted by account "1234" with external id "x""#)
        #expect(account.contains("not a 12-digit AWS account id"))
    }

    @Test("a deployment check that does not hold says what is missing")
    func deploymentChecks() async throws {
        let privateLink = try await failure(
            of: """
                    Given a Databricks workspace "open"
                    Then workspace "open" is reachable only through PrivateLink
                """)
        #expect(privateLink.contains(#"workspace "open" has no network configuration"#))
        let keys = try await failure(
            of: """
                    Given a Databricks workspace "plain" with a customer-managed VPC
                    Then workspace "plain" encrypts managed services and storage with a customer-managed key
                """)
        #expect(keys.contains("has no managed_services_customer_managed_key_id"))
    }
}
