import Foundation
import Testing

@testable import Emulator

/// The Databricks codecs and rules on their own.
@Suite struct DatabricksUnitTests {
    @Test func jsonKeepsInt64AndUnknownFields() throws {
        let value = try JSONValue.parse(Data(#"{"workspace_id": 9007199254740993, "x": [1.5, null, true]}"#.utf8))
        #expect(value["workspace_id"]?.int == 9_007_199_254_740_993)
        #expect(value["x"]?.array?[0].double == 1.5)
        let again = try JSONValue.parse(value.encoded())
        #expect(again == value)
    }

    @Test func routesMatchLiteralsAlternativesAndParameters() {
        let route = DatabricksRoute<Int>(.GET, "api/2.0|2.1/clusters/{id}") { _, _ in .empty }
        #expect(route.match(["api", "2.1", "clusters", "abc"]) == ["id": "abc"])
        #expect(route.match(["api", "2.2", "clusters", "abc"]) == nil)
        #expect(route.match(["api", "2.0", "clusters"]) == nil)
    }

    @Test func scimFiltersCompareCaseInsensitively() throws {
        let filter = try SCIMFilter(#"userName eq "Ada@example.com" and active eq true"#)
        #expect(filter.matches(["userName": "ada@example.com", "active": true]))
        #expect(!filter.matches(["userName": "ada@example.com", "active": false]))
        #expect(throws: SCIMError.self) { try SCIMFilter("userName eq") }
    }

    @Test func multipartFormsAreParsed() throws {
        let body = Data(
            "--b\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\n/x\r\n--b\r\nContent-Disposition: form-data; name=\"content\"; filename=\"x.py\"\r\n\r\nprint(1)\r\n--b--\r\n"
                .utf8)
        let form = try #require(MultipartForm(body: body, contentType: "multipart/form-data; boundary=b"))
        #expect(form["path"]?.text == "/x")
        #expect(form["content"]?.filename == "x.py")
        #expect(form["content"]?.text == "print(1)")
        #expect(MultipartForm(body: Data("junk".utf8), contentType: "multipart/form-data; boundary=b") == nil)
    }

    @Test func notebookSourcesDecideRunOutcomes() {
        #expect(RunOutcome.of(source: "print(1)").resultState == "SUCCESS")
        #expect(RunOutcome.of(source: "x = 1\nraise ValueError('no')").error == "ValueError('no')")
        #expect(RunOutcome.of(source: "import sys\nsys.exit(2)").resultState == "FAILED")
        #expect(RunOutcome.of(source: "dbutils.notebook.exit(\"ok\")").exitValue == "ok")
    }

    @Test func checkNamesReadLikeTheService() {
        #expect(CrossAccountCheck.words("ec2:DescribeAvailabilityZones") == "Describe Availability Zones")
        #expect(CrossAccountCheck.customerManagedVPC.contains { $0.name == "Spot Cancellation" })
        #expect(CrossAccountCheck.databricksManagedVPC.count > CrossAccountCheck.customerManagedVPC.count)
    }

    @Test func networkRules() {
        #expect(throws: DatabricksError.self) {
            try NetworkRules.validate([
                "vpc_id": "vpc-1", "subnet_ids": ["subnet-1", "subnet-1"], "security_group_ids": ["sg-1"],
            ])
        }
        #expect(throws: Never.self) {
            try NetworkRules.validate([
                "vpc_id": "vpc-1", "subnet_ids": ["subnet-1", "subnet-2"], "security_group_ids": ["sg-1"],
            ])
        }
    }

    @Test func pagesCarryOpaqueTokens() throws {
        let request = EmulatorRequest(
            method: .GET, uri: "/x?page_size=2&page_token=offset-2", headers: [:], body: .init(), remoteAddress: nil)
        let call = try DatabricksCall(
            request: request, path: "/x",
            caller: DatabricksCaller(
                kind: .user, id: "1", name: "u", displayName: "u", isAccountAdmin: false, tokenId: "t"),
            now: Date())
        let page = DatabricksPage((0..<5).map { JSONValue.int($0) }, call: call, defaultSize: 10)
        #expect(page.items == [2, 3])
        #expect(page.nextToken == "offset-4")
        #expect(page.previousToken == "offset-0")
    }

    @Test func clusterPoliciesFixDefaultAndRefuse() throws {
        let definition = try ClusterPolicyDefinition(
            #"""
            {"spark_version": {"type": "fixed", "value": "15.4.x-scala2.12"},
             "autotermination_minutes": {"type": "range", "minValue": 10, "maxValue": 60, "defaultValue": 30},
             "custom_tags.team": {"type": "allowlist", "values": ["data", "ml"]},
             "aws_attributes.instance_profile_arn": {"type": "forbidden"},
             "cluster_name": {"type": "regex", "pattern": "etl-.*"}}
            """#)
        var spec: JSONObject = ["cluster_name": "etl-nightly", "custom_tags": ["team": "data"]]
        try definition.apply(to: &spec, applyDefaults: true)
        #expect(spec["spark_version"] == "15.4.x-scala2.12")
        #expect(spec["autotermination_minutes"] == 30)
        var bad: JSONObject = [
            "cluster_name": "adhoc", "autotermination_minutes": 500, "custom_tags": ["team": "web"],
            "aws_attributes": ["instance_profile_arn": "arn:aws:iam::1:instance-profile/x"],
        ]
        do {
            try definition.apply(to: &bad, applyDefaults: false)
            Issue.record("the policy let a violating cluster through")
        } catch {
            #expect(error.code == "INVALID_PARAMETER_VALUE")
            #expect(
                error.message.contains("Validation failed for autotermination_minutes, the value must be at most 60"))
            #expect(error.message.contains("custom_tags.team"))
            #expect(error.message.contains("aws_attributes.instance_profile_arn, the value cannot be present"))
            #expect(error.message.contains("cluster_name"))
        }
    }
}
