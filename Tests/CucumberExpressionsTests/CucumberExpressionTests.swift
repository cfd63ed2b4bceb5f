import CucumberExpressions
import Foundation
import Testing

/// Cucumber Expressions as step definitions use them: built-in and custom parameter types, values, offsets.
@Suite struct CucumberExpressionTests {
    let registry = ParameterTypeRegistry()

    private func values(_ source: String, _ text: String) throws -> [(any Sendable)?]? {
        try CucumberExpression(source, registry: registry).match(text)?.map { try $0.value }
    }

    @Test func matchesWholeTextsWithOptionalsAndAlternatives() throws {
        let expression = try CucumberExpression("I have {int} cuke(s) in my belly/stomach", registry: registry)
        #expect(try expression.match("I have 1 cuke in my belly")?.count == 1)
        #expect(try expression.match("I have 42 cukes in my stomach")?.first?.value(as: Int.self) == 42)
        #expect(try expression.match("I have 42 cukes in my belly, really") == nil)
        #expect(try expression.match("Now I have 42 cukes in my belly") == nil)
        #expect(try CucumberExpression("plain text", registry: registry).match("plain text")?.isEmpty == true)
        #expect(expression.regexPattern == #"^I have ((?:-?\d+)|(?:\d+)) cuke(?:s)? in my (?:belly|stomach)$"#)
        #expect(expression.parameterTypes.map(\.name) == ["int"])
        #expect(expression.source == "I have {int} cuke(s) in my belly/stomach")
        #expect(expression.ast.type == .expression)
    }

    @Test func builtInTypesHaveSwiftValues() throws {
        #expect(try values("{int}", "-12")?.first as? Int == -12)
        #expect(try values("{float}", "1.5")?.first as? Float == 1.5)
        #expect(try values("{double}", "-2.25E+2")?.first as? Double == -225)
        #expect(try values("{bigdecimal}", "0.1")?.first as? Decimal == Decimal(string: "0.1"))
        #expect(try values("{byte}", "-128")?.first as? Int8 == -128)
        #expect(try values("{short}", "-32768")?.first as? Int16 == -32768)
        #expect(try values("{long}", "-9223372036854775808")?.first as? Int64 == .min)
        #expect(
            try values("{biginteger}", "-123456789012345678901234567890")?.first as? String
                == "-123456789012345678901234567890")
        #expect(try values("{word}", "cukes!")?.first as? String == "cukes!")
        #expect(try values("{}", "anything at all")?.first as? String == "anything at all")
        #expect(
            try values("{string} {string}", #""a \"b\" 'c'" 'd \'e\' "f"'"#)?.map { $0 as? String }
                == [#"a "b" 'c'"#, #"d 'e' "f""#])
    }

    @Test func aTransformErrorSurfacesWhenTheValueIsRead() throws {
        let arguments = try #require(try CucumberExpression("{byte} {int}", registry: registry).match("300 7"))
        #expect(arguments[0].group.value == "300")
        let error = #expect(throws: CucumberExpressionError.self) { try arguments[0].value }
        #expect(error?.kind == .invalidValue)
        #expect(error?.message == "Can't convert '300' to {byte}")
        #expect(try arguments[1].value as? Int == 7)
    }

    @Test func customParameterTypesTransformTheirCaptureGroups() throws {
        struct Point: Sendable, Equatable {
            var x: Int
            var y: Int
        }
        var registry = ParameterTypeRegistry()
        try registry.define(
            ParameterType(name: "point", regexp: #"(\d+),(\d+)"#) { values in
                Point(x: Int(values[0] ?? "") ?? 0, y: Int(values[1] ?? "") ?? 0)
            })
        try registry.define(ParameterType(name: "color", regexps: ["red", "blue"]) { $0[0]?.uppercased() })
        let expression = try CucumberExpression("a {color} pixel at {point}", registry: registry)
        let arguments = try #require(try expression.match("a blue pixel at 3,4"))
        #expect(try arguments[0].value as? String == "BLUE")
        #expect(try arguments[1].value(as: Point.self) == Point(x: 3, y: 4))
        #expect(arguments[1].group.children.map(\.value) == ["3", "4"])
        #expect(arguments[1].parameterType.name == "point")
        #expect(try expression.match("a green pixel at 3,4") == nil)
    }

    @Test func undefinedParameterTypesAreNamed() {
        let error = #expect(throws: CucumberExpressionError.self) {
            try CucumberExpression("I have a {color} ball", registry: registry)
        }
        #expect(error?.kind == .undefinedParameterType(name: "color"))
        #expect(error?.undefinedParameterTypeName == "color")
        #expect(error?.localizedDescription == error?.message)
    }

    @Test func groupsAreLocatedInUTF16() throws {
        let text = "😀 12 cukes"
        let arguments = try #require(try CucumberExpression("{word} {int} cukes", registry: registry).match(text))
        #expect(arguments[0].group.start == 0)
        #expect(arguments[0].group.end == 2)
        #expect(arguments[1].group.start == 3)
        #expect(arguments[1].group.end == 5)
        #expect(arguments[0].group.range(in: text).map { String(text[$0]) } == "😀")
        #expect(arguments[1].group.range(in: text).map { String(text[$0]) } == "12")
    }

    @Test func expressionsKeepTheTypesTheyResolved() throws {
        var registry = ParameterTypeRegistry()
        let expression = try CucumberExpression("{}", registry: registry)
        try registry.define(ParameterType(name: "thing", regexp: "x"))
        #expect(try expression.match("y")?.count == 1)
        #expect(throws: CucumberExpressionError.self) {
            try CucumberExpression("{thing}", registry: ParameterTypeRegistry())
        }
    }

    @Test func matchesConcurrently() async throws {
        let expression = try CucumberExpression("I have {int} cukes", registry: registry)
        let total = try await withThrowingTaskGroup(of: Int.self) { group in
            for number in 0..<200 {
                group.addTask { try expression.match("I have \(number) cukes")?.first?.value as? Int ?? -1 }
            }
            return try await group.reduce(0, +)
        }
        #expect(total == (0..<200).reduce(0, +))
    }
}
