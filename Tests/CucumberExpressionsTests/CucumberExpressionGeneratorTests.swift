import CucumberExpressions
import Testing

/// Snippet expressions for undefined steps.
@Suite struct CucumberExpressionGeneratorTests {
    let generator = CucumberExpressionGenerator(registry: ParameterTypeRegistry())

    private func sources(_ text: String) -> [String] {
        generator.generateExpressions(text).map(\.source)
    }

    @Test func turnsNumbersAndStringsIntoParameters() {
        let expressions = generator.generateExpressions(#"I have 3 cukes in my "belly""#)
        #expect(
            expressions.map(\.source) == ["I have {int} cukes in my {string}", "I have {float} cukes in my {string}"])
        #expect(expressions[0].parameterNames == ["int", "string"])
        #expect(expressions[0].parameterTypes.map(\.name) == ["int", "string"])
        #expect(sources("I have 1.5 cukes") == ["I have {float} cukes"])
        #expect(sources("I have 'one' and 'two'") == ["I have {string} and {string}"])
        #expect(generator.generateExpressions(#"I have "a" and "b""#)[0].parameterNames == ["string", "string2"])
    }

    @Test func keepsPlainTextAndEscapesWhatIsReserved() {
        #expect(sources("I have no cukes") == ["I have no cukes"])
        #expect(sources("") == [""])
        #expect(
            sources("I have (3) cukes/slices {x}") == [
                #"I have \({int}) cukes\/slices \{x}"#, #"I have \({float}) cukes\/slices \{x}"#,
            ])
        #expect(sources(#"C:\temp"#) == [#"C:\\temp"#])
    }

    @Test func onlyMatchesWholeWords() {
        #expect(sources("I have a3b cukes") == ["I have a3b cukes"])
        #expect(sources("I have 3x cukes") == ["I have 3x cukes"])
        #expect(sources("I have 3, 4 cukes").first == "I have {int}, {int} cukes")
    }

    @Test func usesCustomTypesForSnippets() throws {
        var registry = ParameterTypeRegistry()
        try registry.define(ParameterType(name: "color", regexp: "red|blue"))
        try registry.define(ParameterType(name: "shade", regexp: "red|pink", useForSnippets: false))
        let generator = CucumberExpressionGenerator(registry: registry)
        #expect(generator.generateExpressions("a red ball").map(\.source) == ["a {color} ball"])
        #expect(generator.generateExpressions("a reddish ball").map(\.source) == ["a reddish ball"])
    }

    @Test func stopsAtTheMaximum() {
        #expect(
            generator.generateExpressions("1 2 3 4 5 6 7 8 9").count == CucumberExpressionGenerator.maximumExpressions)
    }

    @Test(arguments: [
        #"I have 3 cukes in my "belly""#, "I wait 1.5 seconds (or 2)", "a/b {c} 'd' -4", "😀 12 'x' 3.0E+2",
    ])
    func generatedExpressionsMatchTheirText(_ text: String) throws {
        let registry = ParameterTypeRegistry()
        let expressions = CucumberExpressionGenerator(registry: registry).generateExpressions(text)
        #expect(!expressions.isEmpty)
        for generated in expressions {
            let expression = try CucumberExpression(generated.source, registry: registry)
            #expect(try expression.match(text)?.count == generated.parameterTypes.count, "\(generated.source)")
        }
    }
}
