import ConformanceSupport
import CucumberExpressions
import Testing
import Yams

/// `cucumber-expression/transformation/*.yaml`: the regular expression an expression compiles to.
@Suite(.enabled(if: ConformanceData.isPresent, "the shared conformance data is not beside the repository"))
struct TransformationConformanceTests {
    static let cases = ConformanceCase.all(in: "cucumber-expression/transformation")

    @Test func thereAreCases() {
        #expect(Self.cases.count > 0)
    }

    @Test(arguments: cases) func compilesAsTheReference(_ testCase: ConformanceCase) throws {
        let data = try testCase.load()
        let expression = try CucumberExpression(try data.string("expression"), registry: ParameterTypeRegistry())
        #expect(expression.regexPattern == (try data.string("expected_regex")))
    }
}
