import ConformanceSupport
import CucumberExpressions
import Testing
import Yams

/// `cucumber-expression/parser/*.yaml`: the syntax tree of an expression, or the error parsing it.
@Suite(.enabled(if: ConformanceData.isPresent, "the shared conformance data is not beside the repository"))
struct ParserConformanceTests {
    static let cases = ConformanceCase.all(in: "cucumber-expression/parser")

    /// A node as the test data writes it: text nodes have a token, the others child nodes.
    struct ExpectedNode: Equatable {
        var type: String
        var start: Int
        var end: Int
        var token: String?
        var nodes: [ExpectedNode]

        init(yaml: Yams.Node) throws {
            type = try yaml.string("type")
            start = try yaml.integer("start")
            end = try yaml.integer("end")
            token = yaml["token"]?.string
            nodes = try (yaml["nodes"]?.sequence ?? []).map(ExpectedNode.init(yaml:))
        }

        init(_ node: CucumberExpressions.Node) {
            type = node.type.rawValue
            start = node.start
            end = node.end
            token = node.type == .text ? node.token : nil
            nodes = node.nodes.map(ExpectedNode.init)
        }
    }

    @Test func thereAreCases() {
        #expect(Self.cases.count > 0)
    }

    @Test(arguments: cases) func parsesAsTheReference(_ testCase: ConformanceCase) throws {
        let data = try testCase.load()
        let expression = try data.string("expression")
        let parser = CucumberExpressionParser()
        if let exception = data["exception"]?.string {
            let error = #expect(throws: CucumberExpressionError.self) { try parser.parse(expression) }
            #expect(error?.message == exception)
            return
        }
        let expected = try ExpectedNode(yaml: try #require(data["expected_ast"]))
        #expect(ExpectedNode(try parser.parse(expression)) == expected)
    }
}
