import CucumberExpressions
import Testing

/// Telling regular expressions from Cucumber Expressions.
@Suite struct ExpressionFactoryTests {
    let factory = ExpressionFactory()

    @Test func anchorsAndSlashesMakeRegularExpressions() throws {
        #expect(try factory.createExpression("^I have (\\d+) cukes$") is RegularExpression)
        #expect(try factory.createExpression("^I have") is RegularExpression)
        #expect(try factory.createExpression("cukes$") is RegularExpression)
        let slashed = try factory.createExpression("/I have (\\d+) cukes/")
        #expect(slashed is RegularExpression)
        #expect(slashed.source == "I have (\\d+) cukes")
        #expect(try slashed.match("so I have 3 cukes")?.first?.value as? Int == 3)
    }

    @Test func anythingElseIsACucumberExpression() throws {
        #expect(try factory.createExpression("I have {int} cukes") is CucumberExpression)
        #expect(try factory.createExpression("") is CucumberExpression)
        #expect(try factory.createExpression("a/b") is CucumberExpression)
    }

    @Test func explainsAnchorsOnCucumberExpressions() {
        let error = #expect(throws: CucumberExpressionError.self) {
            try factory.createExpression("^I have {int} cukes(")
        }
        #expect(
            error?.message
                == "You cannot use anchors (^ or $) in Cucumber Expressions. "
                + "Please remove them from ^I have {int} cukes(")
    }
}
