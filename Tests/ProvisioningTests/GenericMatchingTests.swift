import AWSWire
import CloudClients
import FeatureRunner
import Foundation
import Testing

@testable import Provisioning

@Suite("Generic steps: JSON paths, fuzzy matching, XPath, placeholders")
struct GenericMatchingTests {
    static let document = try! AWSDocument.parseJSON(
        Array(
            #"""
            {"cluster_id": "0123-abc", "state": "RUNNING", "num_workers": 2, "ratio": 0.5, "autotermination": true,
             "spark_conf": {"spark.speculation": "true"}, "tags": {"a.b": "dotted"}, "gone": null,
             "clusters": [{"name": "one", "state": "RUNNING"}, {"name": "two", "state": "TERMINATED"}]}
            """#.utf8))

    func value(_ path: String) throws -> AWSDocument? {
        try JSONPath(path).evaluate(Self.document)
    }

    @Test("paths reach members, elements, quoted names and wildcards")
    func paths() throws {
        #expect(try value("cluster_id") == "0123-abc")
        #expect(try value("$.num_workers") == .integer(2))
        #expect(try value("clusters[1].name") == "two")
        #expect(try value("clusters[-1].state") == "TERMINATED")
        #expect(try value("clusters[-2].name") == "one")
        // Out of range either way, to Int.min and Int.max: nothing, never a trap.
        #expect(try value("clusters[-3]") == nil)
        #expect(try value("clusters[\(Int.min)]") == nil)
        #expect(try value("clusters[\(Int.max)]") == nil)
        #expect(try value("tags['a.b']") == "dotted")
        #expect(try value(#"spark_conf["spark.speculation"]"#) == "true")
        #expect(try value("clusters[*].name") == .list(["one", "two"]))
        #expect(try value("clusters.*.state") == .list(["RUNNING", "TERMINATED"]))
        #expect(try value("$") == Self.document)
        #expect(try value("gone") == .null)
        #expect(try value("missing") == nil)
        #expect(try value("clusters[5]") == nil)
        #expect(try value("cluster_id.deeper") == nil)
    }

    @Test("malformed paths say what a path looks like")
    func malformedPaths() {
        for path in ["a..b", "a[", "a[x]", "a.b]"] {
            #expect(throws: StepFailure.self, "\(path)") { try JSONPath(path) }
        }
        do {
            _ = try JSONPath("a[x]")
        } catch let failure as StepFailure {
            #expect(failure.message.contains("a.b[0].c"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    func mismatches(_ expected: String, mode: FuzzyMatcher.Mode = .equals) throws -> [String] {
        let wanted = try AWSDocument.parseJSON(Array(expected.utf8))
        return FuzzyMatcher.mismatches(expected: wanted, actual: Self.document, mode: mode)
    }

    @Test("markers stand for types and shapes")
    func markers() throws {
        let all = #"""
            {"cluster_id": "#regex [0-9]{4}-[a-z]+", "state": "#string", "num_workers": "#number", "ratio": "#number",
             "autotermination": "#boolean", "spark_conf": "#object", "tags": "#notnull", "gone": "#null",
             "clusters": "#[2] #object", "absent": "#notpresent", "other": "##string"}
            """#
        #expect(try mismatches(all) == [])
        #expect(
            try mismatches(##"{"state": "#number"}"##, mode: .contains) == [
                ##"$.state: expected #number, but it is "RUNNING""##
            ])
        #expect(
            try mismatches(##"{"gone": "#notnull"}"##, mode: .contains) == [
                ##"$.gone: expected #notnull, but it is null"##
            ])
        #expect(
            try mismatches(##"{"missing": "#present"}"##, mode: .contains) == [
                ##"$.missing: expected #present, but it is absent"##
            ])
        #expect(try mismatches(##"{"clusters": "#[3]"}"##, mode: .contains).first?.contains("expected 3 items") == true)
        #expect(try mismatches(##"{"cluster_id": "#uuid"}"##, mode: .contains).count == 1)
        #expect(
            try mismatches(##"{"state": "#whatever"}"##, mode: .contains).first?.contains("is not a marker") == true)
        let uuid = AWSDocument.string("0b4f2a3e-8f6c-4d1a-9b2e-2c3d4e5f6a7b")
        #expect(FuzzyMatcher.mismatches(expected: "#uuid", actual: uuid).isEmpty)
        #expect(FuzzyMatcher.mismatches(expected: "#ignore", actual: nil).isEmpty)
    }

    @Test("equals wants exactly the members; contains lets more be there, arrays in any order")
    func modes() throws {
        let subset = #"{"state": "RUNNING", "clusters": [{"name": "two"}]}"#
        #expect(try mismatches(subset, mode: .contains) == [])
        let strict = try mismatches(subset)
        #expect(strict.contains("$.cluster_id: not expected, but it is \"0123-abc\""))
        #expect(strict.contains { $0.hasPrefix("$.clusters: expected 1 items, but there are 2") })
        #expect(
            try mismatches(##"{"clusters": [{"name": "three"}]}"##, mode: .contains).first?.contains(
                "no element matches") == true)
        #expect(FuzzyMatcher.mismatches(expected: .integer(2), actual: .double(2.0)).isEmpty)
        #expect(FuzzyMatcher.mismatches(expected: "2", actual: .integer(2)) == [##"$: expected "2", but it is 2"##])
    }

    @Test("XPath finds elements of namespaced AWS answers, and gives numbers, strings and booleans")
    func xpath() throws {
        let body = Data(
            #"""
            <CreateRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <CreateRoleResult><Role><RoleName>reader</RoleName><Arn>arn:aws:iam::1:role/reader</Arn>
              <Tags><member><Key>a</Key></member><member><Key>b</Key></member></Tags></Role></CreateRoleResult>
            </CreateRoleResponse>
            """#.utf8)
        #expect(
            try XMLXPath.evaluate("//CreateRoleResult/Role/Arn", in: body) == .nodes(["arn:aws:iam::1:role/reader"]))
        #expect(try XMLXPath.evaluate("//Tags/member/Key", in: body) == .nodes(["a", "b"]))
        #expect(try XMLXPath.evaluate("count(//member)", in: body).text == "2")
        #expect(try XMLXPath.evaluate("concat(//RoleName, '!')", in: body) == .string("reader!"))
        #expect(try XMLXPath.evaluate("boolean(//Nothing)", in: body) == .boolean(false))
        #expect(try !XMLXPath.evaluate("//Nothing", in: body).isPresent)
        #expect(throws: XMLXPath.QueryError.self) { try XMLXPath.evaluate("//[", in: body) }
        #expect(throws: XMLXPath.QueryError.self) { try XMLXPath.evaluate("//a", in: Data("{}".utf8)) }
        let doctype = Data(#"<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>"#.utf8)
        #expect(throws: XMLXPath.QueryError.self) { try XMLXPath.evaluate("//a", in: doctype) }
    }

    @Test("query parameters flatten from JSON; table values for JSON services are typed")
    func parameters() throws {
        let document = try AWSDocument.parseJSON(
            Array(#"{"RoleName": "r", "Tags": [{"Key": "k", "Value": "v"}], "MaxSessionDuration": 3600}"#.utf8))
        var items: [(String, String)] = []
        GenericSteps.flatten(document, into: &items)
        #expect(
            items.map { "\($0.0)=\($0.1)" } == [
                "MaxSessionDuration=3600", "RoleName=r", "Tags.member.1.Key=k", "Tags.member.1.Value=v",
            ])
        #expect(GenericSteps.typed("1") == .integer(1))
        #expect(GenericSteps.typed("true") == .bool(true))
        #expect(GenericSteps.typed(#"["a"]"#) == .list(["a"]))
        #expect(GenericSteps.typed(#""1""#) == .string("1"))
        #expect(GenericSteps.typed("by-events-1") == .string("by-events-1"))
        #expect(GenericSteps.typed("null-ish") == .string("null-ish"))
    }

    @Test("request paths are encoded canonically whether written encoded or not")
    func requestURLs() {
        let base = URL(string: "http://127.0.0.1:4566")!
        let plain = GenericRequest(target: .aws(.s3), method: "get", path: "/b/a b.csv?list-type=2&prefix=a b")
        #expect(plain.url(on: base).absoluteString == "http://127.0.0.1:4566/b/a%20b.csv?list-type=2&prefix=a%20b")
        let encoded = GenericRequest(target: .aws(.s3), method: "GET", path: "b/a%20b.csv?policy")
        #expect(encoded.url(on: base).absoluteString == "http://127.0.0.1:4566/b/a%20b.csv?policy")
        #expect(encoded.method == "GET")
        let workspace = URL(string: "http://127.0.0.1:4566/ws/123/")!
        let onPath = GenericRequest(target: .databricksWorkspace(workspace), method: "GET", path: "/api/2.0/x")
        #expect(onPath.url(on: workspace).absoluteString == "http://127.0.0.1:4566/ws/123/api/2.0/x")
    }

    @Test("remembered values and unique names are placeholders; built-in names cannot be taken")
    func placeholders() throws {
        let context = PlaceholderTests().context()
        try context.remember("0123-abc", as: "cid")
        #expect(try context.expand("/clusters/${cid}/${region}") == "/clusters/0123-abc/eu-west-1")
        let unique = try context.expand("${unique:Landing Zone}")
        #expect(unique.hasPrefix("by-landing-zone-"))
        #expect(try context.expand("${unique:Landing Zone}") == unique)
        #expect(throws: StepFailure.self) { try context.remember("x", as: "region") }
        #expect(throws: StepFailure.self) { try context.remember("x", as: "a b") }
        do {
            _ = try context.expand("${nope}")
            Issue.record("expected a failure")
        } catch let failure as StepFailure {
            #expect(failure.message.contains("remembered so far: ${cid}"))
            #expect(failure.message.contains("${unique:NAME}"))
        }
    }
}

@Suite("Generic steps: placeholders in JSON doc strings")
struct JSONPlaceholderTests {
    @Test("inside a JSON string a value is escaped; outside it is inserted as it is")
    func escaping() throws {
        let context = PlaceholderTests().context()
        try context.remember(#"{"Version": "2012-10-17"}"#, as: "trust")
        try context.remember("3", as: "workers")
        let text = try context.expandJSON(
            #"{"doc": "${trust}", "n": ${workers}, "region": "${region}", "quoted": "a \"${workers}\""}"#)
        #expect(
            text == #"{"doc": "{\"Version\": \"2012-10-17\"}", "n": 3, "region": "eu-west-1", "quoted": "a \"3\""}"#)
        let document = try AWSDocument.parseJSON(Array(text.utf8))
        #expect(document["doc"] == .string(#"{"Version": "2012-10-17"}"#))
        #expect(throws: StepFailure.self) { try context.expandJSON(#"{"a": "${nope}"}"#) }
    }
}
