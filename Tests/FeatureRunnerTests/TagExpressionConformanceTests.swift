import ConformanceSupport
import FeatureRunner
import Foundation
import Testing
import Yams

/// The official tag-expressions test data (`../shared/conformance/tag-expressions`): parsing, evaluations, errors.
@Suite(.enabled(if: ConformanceData.isPresent, "the shared conformance data is not beside the repository"))
struct TagExpressionConformanceTests {
    static var directory: URL {
        ConformanceData.directory("tag-expressions")
    }

    static func load(_ name: String) throws -> [[String: Any]] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [[String: Any]])
    }

    @Test func parsingFormatsAsTheReferenceDoes() throws {
        let cases = try Self.load("parsing.yml")
        #expect(cases.count > 20)
        for testCase in cases {
            let expression = try #require(testCase["expression"] as? String)
            let formatted = try #require(testCase["formatted"] as? String)
            #expect(try TagExpression(expression).description == formatted, "\(expression)")
            // The formatted form parses back to the same expression.
            #expect(try TagExpression(formatted) == TagExpression(expression), "\(formatted)")
        }
    }

    @Test func evaluationsMatchTheReference() throws {
        let cases = try Self.load("evaluations.yml")
        #expect(cases.count >= 7)
        for testCase in cases {
            let expression = try TagExpression(try #require(testCase["expression"] as? String))
            for test in try #require(testCase["tests"] as? [[String: Any]]) {
                let variables = try #require(test["variables"] as? [String])
                let result = try #require(test["result"] as? Bool)
                #expect(expression.matches(variables) == result, "\(expression) with \(variables)")
            }
        }
    }

    @Test func errorsAreWordedAsTheReference() throws {
        let cases = try Self.load("errors.yml")
        #expect(cases.count >= 15)
        for testCase in cases {
            let expression = try #require(testCase["expression"] as? String)
            let message = try #require(testCase["error"] as? String)
            #expect(throws: TagExpressionError(message: message)) { try TagExpression(expression) }
        }
    }
}

/// Tag expressions as the runner uses them, on scenarios' tags.
@Suite struct TagExpressionTests {
    @Test func selectsScenariosByTheirTags() throws {
        let expression = try TagExpression("@smoke and not (@slow or @wip)")
        #expect(expression.matches(["@smoke", "@databricks"]))
        #expect(!expression.matches(["@smoke", "@slow"]))
        #expect(!expression.matches(["@databricks"]))
        #expect(try TagExpression("").matches([]))
        // An escaped space belongs to the tag.
        let spaced = try TagExpression(#"@needs\ space"#)
        #expect(spaced == .tag("@needs space"))
        #expect(spaced.matches(["@needs space"]))
        #expect(spaced.description == #"@needs\ space"#)
        #expect(throws: TagExpressionError.self) { try TagExpression(#"@a \b"#) }
    }
}
