import CucumberExpressions
import Testing

/// The registry of parameter types: built-ins, definitions and lookups.
@Suite struct ParameterTypeRegistryTests {
    @Test func startsWithTheBuiltIns() throws {
        let registry = ParameterTypeRegistry()
        #expect(
            registry.parameterTypes.map(\.name) == [
                "int", "float", "word", "string", "", "double", "bigdecimal", "byte", "short", "long", "biginteger",
            ])
        #expect(registry.parameterTypes.allSatisfy { $0.isBuiltIn })
        #expect(registry.parameterTypes.filter(\.useForSnippets).map(\.name) == ["int", "float", "string"])
        #expect(registry.parameterTypes.filter(\.preferForRegexpMatch).map(\.name) == ["int", ""])
        #expect(registry.parameterType(named: "")?.isAnonymous == true)
        #expect(registry.parameterType(named: "int")?.regexps == [#"-?\d+"#, #"\d+"#])
        #expect(registry.parameterType(named: "color") == nil)
    }

    @Test func looksUpByRegexpPreferentialFirst() throws {
        let registry = ParameterTypeRegistry()
        #expect(
            registry.parameterTypes(withRegexp: #"\d+"#).map(\.name) == ["int", "biginteger", "byte", "long", "short"])
        #expect(try registry.parameterType(matchingRegexp: #"\d+"#, in: #"^(\d+)$"#, text: "1")?.name == "int")
        #expect(try registry.parameterType(matchingRegexp: "nothing", in: "^(nothing)$", text: "nothing") == nil)
        let floatRegexp = try #require(registry.parameterType(named: "float")?.regexps.first)
        let error = #expect(throws: CucumberExpressionError.self) {
            try registry.parameterType(matchingRegexp: floatRegexp, in: "^(\(floatRegexp))$", text: "1.5")
        }
        #expect(error?.kind == .ambiguousParameterType)
        #expect(error?.message.contains("   {bigdecimal}\n   {double}\n   {float}\n") == true)
        #expect(error?.message.contains("Try one of these:\n   {float}\n") == true)
    }

    @Test func refusesDuplicateNames() throws {
        var registry = ParameterTypeRegistry()
        var error = #expect(throws: CucumberExpressionError.self) {
            try registry.define(ParameterType(name: "int", regexp: "x"))
        }
        #expect(error?.kind == .duplicateParameterTypeName)
        #expect(error?.message == "There is already a parameter type with name int")
        error = #expect(throws: CucumberExpressionError.self) {
            try registry.define(ParameterType(name: "", regexp: "x"))
        }
        #expect(error?.message == "The anonymous parameter type has already been defined")
        #expect(registry.parameterTypes.count == 11)
    }

    @Test func refusesTwoPreferentialTypesForOneRegexp() throws {
        var registry = ParameterTypeRegistry()
        let error = #expect(throws: CucumberExpressionError.self) {
            try registry.define(ParameterType(name: "number", regexp: #"\d+"#, preferForRegexpMatch: true))
        }
        #expect(error?.kind == .duplicatePreferentialParameterType)
        #expect(
            error?.message
                == #"There can only be one preferential parameter type per regexp. The regexp /\d+/ is used for two "#
                + "preferential parameter types, {int} and {number}")
        #expect(registry.parameterType(named: "number") == nil)
        try registry.define(ParameterType(name: "number", regexp: #"\d+"#))
        #expect(registry.parameterTypes(withRegexp: #"\d+"#).map(\.name).first == "int")
    }

    @Test func refusesReservedCharactersInNames() {
        for name in ["a{b", "a}b", "a(b", "a)b", #"a\b"#, "a/b"] {
            let error = #expect(throws: CucumberExpressionError.self) { try ParameterType(name: name, regexp: ".") }
            #expect(error?.kind == .invalidParameterTypeName)
            #expect(
                error?.message == "Illegal character in parameter name {\(name)}. "
                    + #"Parameter names may not contain '{', '}', '(', ')', '\' or '/'"#)
        }
    }

    @Test func customTypesDefaultToTheFirstValue() throws {
        let type = try ParameterType(name: "thing", regexps: ["a", "b"])
        #expect(type.useForSnippets)
        #expect(!type.preferForRegexpMatch)
        #expect(!type.isBuiltIn)
        #expect(try type.transform(["x", "y"]) as? String == "x")
        #expect(try type.transform([nil]) == nil)
    }
}
