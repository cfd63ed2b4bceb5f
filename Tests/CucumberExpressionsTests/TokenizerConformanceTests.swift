import ConformanceSupport
import CucumberExpressions
import Testing
import Yams

/// `cucumber-expression/tokenizer/*.yaml`: the tokens of an expression, or the error tokenizing it.
@Suite(.enabled(if: ConformanceData.isPresent, "the shared conformance data is not beside the repository"))
struct TokenizerConformanceTests {
    static let cases = ConformanceCase.all(in: "cucumber-expression/tokenizer")

    /// A token as the test data writes it.
    struct ExpectedToken: Equatable, CustomStringConvertible {
        var type: String
        var start: Int
        var end: Int
        var text: String

        var description: String { "\(type)[\(start)..<\(end)] \"\(text)\"" }
    }

    @Test func thereAreCases() {
        #expect(Self.cases.count > 0)
    }

    @Test(arguments: cases) func tokenizesAsTheReference(_ testCase: ConformanceCase) throws {
        let data = try testCase.load()
        let expression = try data.string("expression")
        let tokenizer = CucumberExpressionTokenizer()
        if let exception = data["exception"]?.string {
            let error = #expect(throws: CucumberExpressionError.self) { try tokenizer.tokenize(expression) }
            #expect(error?.message == exception)
            return
        }
        let expected = try #require(data["expected_tokens"]?.sequence).map { token in
            ExpectedToken(
                type: try token.string("type"), start: try token.integer("start"), end: try token.integer("end"),
                text: try token.string("text"))
        }
        let actual = try tokenizer.tokenize(expression).map {
            ExpectedToken(type: $0.type.rawValue, start: $0.start, end: $0.end, text: $0.text)
        }
        #expect(actual == expected)
    }
}
