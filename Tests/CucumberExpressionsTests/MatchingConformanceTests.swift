import ConformanceSupport
import CucumberExpressions
import Testing
import Yams

/// `cucumber-expression/matching/*.yaml` and `regular-expression/matching/*.yaml`: the arguments of a text, `null`
/// when the expression does not match it, or the error the expression raises.
@Suite(.enabled(if: ConformanceData.isPresent, "the shared conformance data is not beside the repository"))
struct MatchingConformanceTests {
    static let cucumberExpressionCases = ConformanceCase.all(in: "cucumber-expression/matching")
    static let regularExpressionCases = ConformanceCase.all(in: "regular-expression/matching")

    @Test func thereAreCases() {
        #expect(Self.cucumberExpressionCases.count > 0)
        #expect(Self.regularExpressionCases.count > 0)
    }

    @Test(arguments: cucumberExpressionCases) func cucumberExpressionsMatchAsTheReference(
        _ testCase: ConformanceCase
    ) throws {
        let data = try testCase.load()
        let source = try data.string("expression")
        let registry = ParameterTypeRegistry()
        if let exception = data["exception"]?.string {
            let error = #expect(throws: CucumberExpressionError.self) {
                let expression = try CucumberExpression(source, registry: registry)
                _ = try expression.match(data["text"]?.string ?? "")
            }
            #expect(error?.message == exception)
            return
        }
        let arguments = try CucumberExpression(source, registry: registry).match(try data.string("text"))
        try expect(arguments, toConformTo: try #require(data["expected_args"]))
    }

    @Test(arguments: regularExpressionCases) func regularExpressionsMatchAsTheReference(
        _ testCase: ConformanceCase
    ) throws {
        let data = try testCase.load()
        let expression = try RegularExpression(try data.string("expression"), registry: ParameterTypeRegistry())
        let arguments = try expression.match(try data.string("text"))
        try expect(arguments, toConformTo: try #require(data["expected_args"]))
    }

    private func expect(_ arguments: [Argument]?, toConformTo expected: Yams.Node) throws {
        guard let expectedValues = expected.sequence else {
            #expect(expected.isNull)
            #expect(arguments == nil, "expected no match")
            return
        }
        let arguments = try #require(arguments, "expected a match")
        #expect(arguments.count == expectedValues.count)
        for (argument, expectedValue) in zip(arguments, expectedValues) {
            let value = try argument.value
            #expect(conforms(value, to: expectedValue), "\(String(describing: value)) is not \(expectedValue)")
        }
    }
}
