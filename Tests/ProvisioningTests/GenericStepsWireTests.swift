import CloudClients
import FeatureRunner
import Foundation
import Testing

@testable import Provisioning

/// The generic steps through the wire: HTTP to the in-process emulator over loopback, signed and authenticated as
/// the provisioning steps' clients are.
@Suite("Generic steps against the emulator")
struct GenericStepsWireTests {
    /// Runs one scenario and returns the failures and the harness (whose run is still open, to look at the emulator).
    func run(_ steps: String) async throws -> ([String], FeatureHarness) {
        let harness = FeatureHarness()
        let result = try await harness.execute("Feature: generic\n  Scenario: one\n" + steps)
        return (FeatureHarness.failures(result), harness)
    }

    func failure(of steps: String) async throws -> String {
        let (failures, harness) = try await run(steps)
        await harness.run.finish()
        try #require(failures.count == 1, "\(failures)")
        return failures[0]
    }

    @Test("what generic requests create is torn down: bucket, role, stream, storage configuration, clean-up request")
    func teardown() async throws {
        let (failures, harness) = try await run(
            #"""
                Given I remember "${unique:data}" as "bucket"
                When I send a PUT request to S3 path "/${bucket}"
                And I send a PUT request to S3 path "/${bucket}/raw/a.csv" with the body:
                  """csv
                  id,name
                  """
                And I call IAM "CreateRole" with:
                  | RoleName                 | ${unique:reader}                                                |
                  | AssumeRolePolicyDocument | {"Version":"2012-10-17","Statement":[]}                         |
                And I call Kinesis "CreateStream" with:
                  | StreamName | ${unique:events} |
                  | ShardCount | 1                |
                And I send a POST request to the Databricks account API path "/api/2.0/accounts/${databricks:account}/storage-configurations" with the JSON body:
                  """json
                  {"storage_configuration_name": "${bucket}", "root_bucket_info": {"bucket_name": "${bucket}"}}
                  """
                And I send a POST request to the Databricks account API path "/api/2.0/accounts/${databricks:account}/networks" with the JSON body:
                  """json
                  {"network_name": "${unique:net}", "vpc_id": "vpc-0123456789abcdef0", "subnet_ids": ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"], "security_group_ids": ["sg-0123456789abcdef0"]}
                  """
                Then the response status is 200
                And I remember the response field "network_id" as "network"
            """#)
        #expect(failures.isEmpty, "\(failures)")
        let session = try await harness.run.start()
        let buckets = try await session.s3().listBuckets().map(\.name)
        #expect(!buckets.contains { $0.hasPrefix("by-data-") }, "\(buckets)")
        let roles = try await session.iam().listRoles().map(\.name)
        #expect(!roles.contains { $0.hasPrefix("by-reader-") }, "\(roles)")
        try await session.clock?.advance(by: 60)  // a deleted stream is DELETING for a while
        let streams = try await session.kinesis().listStreams()
        #expect(!streams.contains { $0.hasPrefix("by-events-") }, "\(streams)")
        let account = session.databricksAccount()
        #expect(try await account.list("\(session.accountPath)/storage-configurations").isEmpty)
        #expect(try await account.list("\(session.accountPath)/networks").isEmpty)
        await harness.run.finish()
    }

    @Test("a clean-up request is sent by the teardown, and a 404 counts as done")
    func cleanUpRequest() async throws {
        let (failures, harness) = try await run(
            #"""
                Given the AWS service "iam"
                When I call IAM "CreateInstanceProfile" with:
                  | InstanceProfileName | ${unique:profile} |
                And I call IAM "CreateUser" with:
                  | UserName | ${unique:someone} |
                And I clean up with a POST request to path "/?Action=DeleteUser&Version=2010-05-08&UserName=${unique:someone}"
                And I clean up with a DELETE request to the Databricks account API path "/api/2.0/accounts/${databricks:account}/networks/gone"
                When I send a PUT request to S3 path "/deleted-${run}"
                And I clean up with a DELETE request to S3 path "/deleted-${run}"
                And I send a PUT request to S3 path "/kept-${run}"
            """#)
        #expect(failures.isEmpty, "\(failures)")
        let session = try await harness.run.start()
        // Only a ${unique:NAME} bucket is surely new (S3 answers 200 to a PUT of a bucket its owner has).
        let buckets = try await session.s3().listBuckets().map(\.name)
        #expect(buckets.contains { $0.hasPrefix("kept-") })
        #expect(!buckets.contains { $0.hasPrefix("deleted-") })
        #expect(try await session.iam().listInstanceProfiles().isEmpty)
        let users = try await session.iam().query.call("ListUsers")
        #expect(users.child("Users")?.children("member").isEmpty ?? true)
        await harness.run.finish()
    }

    @Test("headers go with the next request; response headers are asserted and remembered")
    func headers() async throws {
        let (failures, harness) = try await run(
            #"""
                Given I remember "${unique:data}" as "bucket"
                When I send a PUT request to S3 path "/${bucket}"
                Given the request headers:
                  | name         | value    |
                  | Content-Type | text/csv |
                When I send a PUT request to S3 path "/${bucket}/a b.csv" with the body:
                  """
                  id,name
                  """
                Then the response status is 200
                And I remember the response header "ETag" as "etag"
                When I send a GET request to S3 path "/${bucket}/a%20b.csv"
                Then the response header "content-type" is "text/csv"
                And the response header "ETag" is "${etag}"
                And the response header "etag" matches "\"[0-9a-f]{32}\""
                And the response header "x-amz-request-id" is present
                And the response body contains "id,name"
            """#)
        #expect(failures.isEmpty, "\(failures)")
        await harness.run.finish()
    }

    @Test("the AWS service step sends raw requests, signed for that service")
    func rawQueryRequest() async throws {
        let (failures, harness) = try await run(
            #"""
                Given the AWS service "sts"
                When I send a POST request to path "/" with the body:
                  """application/x-www-form-urlencoded
                  Action=GetCallerIdentity&Version=2011-06-15
                  """
                Then the response status is 200
                And the response XPath "//Account" is "${account}"
                And the response XPath "//Arn" contains ":root"
                And the response XPath "//NoSuchThing" is absent
                And the response XPath "boolean(//UserId)" is "true"
            """#)
        #expect(failures.isEmpty, "\(failures)")
        await harness.run.finish()
    }

    @Test("a JSON doc string of parameters: a remembered policy goes whole, lists are flattened")
    func jsonParameters() async throws {
        let (failures, harness) = try await run(
            #"""
                Given I remember this as "trust":
                  """json
                  {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
                  """
                When I call IAM "CreateRole" with:
                  """json
                  {"RoleName": "${unique:tagged}", "AssumeRolePolicyDocument": "${trust}", "MaxSessionDuration": 7200,
                   "Tags": [{"Key": "team", "Value": "data"}, {"Key": "run", "Value": "${run}"}]}
                  """
                Then the response status is 200
                And the response XPath "//Role/MaxSessionDuration" is "7200"
                When I call IAM "ListRoleTags" with:
                  | RoleName | ${unique:tagged} |
                Then the response XPath "count(//Tags/member)" is "2"
                And the response XPath "//Tags/member[Key='team']/Value" is "data"
                When I call IAM "GetRole" with:
                  | RoleName | ${unique:tagged} |
                Then the response XPath "//AssumeRolePolicyDocument" contains "ec2.amazonaws.com"
            """#)
        #expect(failures.isEmpty, "\(failures)")
        await harness.run.finish()
    }

    @Test("a workspace made by the provisioning steps is reached by its name")
    func workspaceByName() async throws {
        let (failures, harness) = try await run(
            #"""
                Given a Databricks workspace "main"
                When I send a GET request to the Databricks workspace "main" path "/api/2.0/clusters/list"
                Then the response status is 200
                When I send a POST request to the Databricks workspace "main" path "/api/2.0/secrets/scopes/create" with the JSON body:
                  """json
                  {"scope": "${unique:scope}"}
                  """
                Then the response status is 200
                And I clean up with a POST request to the Databricks workspace "main" path "/api/2.0/secrets/scopes/delete?scope=${unique:scope}"
                When I send a GET request to the Databricks workspace "main" path "/api/2.0/secrets/scopes/list"
                Then the response field "scopes[*].name" contains "${unique:scope}"
                When I send a GET request to the Databricks workspace "main" path "/api/2.0/clusters/spark-versions"
                And I remember the response field "versions[0].key" as "spark"
                When I send a GET request to the Databricks workspace "main" path "/api/2.0/clusters/list-node-types"
                And I remember the response field "node_types[0].node_type_id" as "node"
                When I send a POST request to the Databricks workspace "main" path "/api/2.1/clusters/create" with the JSON body:
                  """json
                  {"cluster_name": "${unique:etl}", "spark_version": "${spark}", "node_type_id": "${node}",
                   "num_workers": 1, "autotermination_minutes": 30}
                  """
                Then the response status is 200
                And I remember the response field "cluster_id" as "cid"
                And I clean up with a POST request to the Databricks workspace "main" path "/api/2.1/clusters/permanent-delete" with the JSON body:
                  """json
                  {"cluster_id": "${cid}"}
                  """
                When I wait until the response field "state" of a GET request to the Databricks workspace "main" path "/api/2.1/clusters/get?cluster_id=${cid}" is "RUNNING"
                Then the response field "cluster_name" is "${unique:etl}"
                And the response field "num_workers" is 1
            """#)
        #expect(failures.isEmpty, "\(failures)")
        await harness.run.finish()
    }

    @Test("a field that never reaches the value fails after the wait timeout, on the virtual clock")
    func waitTimesOut() async throws {
        let message = try await failure(
            of: #"""
                    When I call Kinesis "CreateStream" with:
                      | StreamName | ${unique:events} |
                      | ShardCount | 1                |
                    And I call Kinesis "DescribeStreamSummary" with:
                      | StreamName | ${unique:events} |
                    And I wait until the response field "StreamDescriptionSummary.StreamStatus" is "DELETING"
                """#)
        #expect(message.contains("expected field \"StreamDescriptionSummary.StreamStatus\""), "\(message)")
        #expect(message.contains("the last state seen was ACTIVE"), "\(message)")
    }

    @Test("failures say what was expected, what was found, and show the response")
    func failureMessages() async throws {
        let fuzzy = try await failure(
            of: #"""
                    When I call STS "GetCallerIdentity"
                    And I send a GET request to the Databricks account API path "/api/2.0/accounts/${databricks:account}/workspaces"
                    Then the response matches:
                      """json
                      [{"workspace_id": "#number"}]
                      """
                """#)
        #expect(fuzzy.contains("$: expected 1 items, but there are 0"), "\(fuzzy)")
        let missing = try await failure(
            of: #"""
                    When I send a GET request to the Databricks account API path "/api/2.0/accounts/${databricks:account}/networks/x"
                    Then the response field "network_id" is "x"
                """#)
        #expect(missing.contains("the response has no field \"network_id\" (HTTP 404)"), "\(missing)")
        let typed = try await failure(
            of: #"""
                    When I call Kinesis "ListStreams"
                    Then the response field "HasMoreStreams" is "false"
                """#)
        #expect(typed.contains("compare it without quotes: is false"), "\(typed)")
        let noResponse = try await failure(of: #"    Then the response status is 200"#)
        #expect(noResponse.contains("there is no response yet"))
        let service = try await failure(of: #"    When I call EC2 "DescribeVpcs""#)
        #expect(service.contains("they reach s3, iam, sts, kinesis"))
        let xml = try await failure(
            of: #"""
                    When I call STS "GetCallerIdentity"
                    Then the response field "Account" is "1"
                """#)
        #expect(xml.contains("it is XML: assert on it with the response XPath steps"), "\(xml)")
        let noService = try await failure(of: #"    When I send a GET request to path "/""#)
        #expect(noService.contains("Given the AWS service"))
    }
}

@Suite("The README's generic steps example")
struct GenericReadmeExampleTests {
    @Test("the feature of \"Steps without Swift\" runs and passes")
    func readmeExample() async throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try #require(text.range(of: "## Steps without Swift (generic steps)"))
        let start = try #require(text.range(of: "```gherkin\n", range: section.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        let harness = FeatureHarness()
        let result = try await harness.execute(String(text[start.upperBound..<end.lowerBound]))
        await harness.run.finish()
        #expect(result.testCases.count == 3)
        #expect(FeatureHarness.failures(result).isEmpty, "\(FeatureHarness.failures(result))")
        #expect(result.testCases.allSatisfy { $0.finalAttempt.status == .passed })
    }
}
