import CucumberExpressions
import Foundation
import Testing

/// Regular expression steps: capture groups as parameters, typed by their pattern, nested as groups.
@Suite struct RegularExpressionTests {
    let registry = ParameterTypeRegistry()

    @Test func typesGroupsByTheirPattern() throws {
        let expression = try RegularExpression(#"^I have (\d+) cukes? in my "([^"]*)"$"#, registry: registry)
        let arguments = try #require(try expression.match(#"I have 42 cukes in my "belly""#))
        #expect(try arguments.map { try $0.value as? AnyHashable } == [42 as Int, "belly"])
        #expect(expression.parameterTypes?.map(\.name) == ["int", ""])
        #expect(try expression.match("I have no cukes") == nil)
    }

    @Test func nestsCaptureGroups() throws {
        let expression = try RegularExpression(#"^(a(b(c))) (d)$"#, registry: registry)
        let arguments = try #require(try expression.match("abc d"))
        #expect(arguments.count == 2)
        let outer = arguments[0].group
        #expect(outer.value == "abc")
        #expect(outer.children.map(\.value) == ["bc"])
        #expect(outer.children[0].children.map(\.value) == ["c"])
        // A group no parameter type claims has its whole text for value, nested groups or not.
        #expect(try arguments[0].value as? String == "abc")
        #expect(try arguments[1].value as? String == "d")
    }

    @Test func leavesOutGroupsThatDoNotCapture() throws {
        let expression = try RegularExpression(#"^(?:a(b))(?=c)c(?<name>d)(?<=d)(?i:E)(?#note)$"#, registry: registry)
        let arguments = try #require(try expression.match("abcde"))
        #expect(arguments.map(\.group.value) == ["b", "d"])
    }

    @Test func ignoresParenthesesInClassesEscapesAndQuotes() throws {
        let expression = try RegularExpression(#"^([(]x[)]) \((\d+)\) \Q(\E([]()]) ([^]()]+)$"#, registry: registry)
        let arguments = try #require(try expression.match("(x) (12) () ab"))
        #expect(arguments.map(\.group.value) == ["(x)", "12", ")", "ab"])
        #expect(try arguments[1].value as? Int == 12)
    }

    @Test func optionalGroupsThatDoNotMatchAreNil() throws {
        let expression = try RegularExpression(#"^I have (\d+)? cukes( today)?$"#, registry: registry)
        let arguments = try #require(try expression.match("I have  cukes"))
        #expect(try arguments[0].value == nil)
        #expect(try arguments[1].value == nil)
        #expect(arguments[0].group.start == nil)
    }

    @Test func passesNestedGroupsToParameterTypes() throws {
        var registry = ParameterTypeRegistry()
        try registry.define(
            ParameterType(name: "point", regexp: #"(\d+),(\d+)"#) { values in
                values.compactMap { $0 }.joined(separator: "|")
            })
        let expression = try RegularExpression(#"^at ((\d+),(\d+))$"#, registry: registry)
        #expect(try expression.match("at 3,4")?.first?.value as? String == "3|4")
    }

    @Test func usesTheOptionsOfACompiledRegularExpression() throws {
        let regex = try NSRegularExpression(pattern: #"^I have (\d+) CUKES$"#, options: [.caseInsensitive])
        let expression = RegularExpression(regex, registry: registry)
        #expect(try expression.match("i have 3 cukes")?.first?.value as? Int == 3)
        #expect(expression.source == #"^I have (\d+) CUKES$"#)
    }

    @Test func rejectsInvalidPatterns() {
        let error = #expect(throws: CucumberExpressionError.self) { try RegularExpression("^(a$", registry: registry) }
        #expect(error?.kind == .invalidRegularExpression)
    }

    @Test func reportsAmbiguousGroupsWithSuggestions() throws {
        var registry = ParameterTypeRegistry()
        try registry.define(ParameterType(name: "beta", regexp: "x+"))
        try registry.define(ParameterType(name: "alpha", regexp: "x+"))
        let expression = try RegularExpression("^I see (x+)$", registry: registry)
        #expect(expression.parameterTypes == nil)
        #expect(try expression.match("I see y") == nil)
        let error = #expect(throws: CucumberExpressionError.self) { try expression.match("I see xx") }
        #expect(error?.kind == .ambiguousParameterType)
        #expect(
            error?.message == """
                Your Regular Expression /^I see (x+)$/
                matches multiple parameter types with regexp /x+/:
                   {alpha}
                   {beta}

                I couldn't decide which one to use. You have two options:

                1) Use a Cucumber Expression instead of a Regular Expression. Try one of these:
                   I see {alpha}
                   I see {beta}

                2) Make one of the parameter types preferential and continue to use a Regular Expression.


                """)
    }

    @Test func prefersThePreferentialType() throws {
        var registry = ParameterTypeRegistry()
        try registry.define(ParameterType(name: "beta", regexp: "x+", preferForRegexpMatch: true) { _ in "beta" })
        try registry.define(ParameterType(name: "alpha", regexp: "x+") { _ in "alpha" })
        let expression = try RegularExpression("^I see (x+)$", registry: registry)
        #expect(try expression.match("I see xx")?.first?.value as? String == "beta")
    }
}
