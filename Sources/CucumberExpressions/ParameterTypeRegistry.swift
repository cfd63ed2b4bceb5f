/// The parameter types step expressions can use: the built-in ones (see ``ParameterType``'s built-ins table) and
/// those ``define(_:)`` adds.
///
/// A registry is a value: expressions made from it keep the parameter types they resolved, so defining more types
/// later does not change them.
public struct ParameterTypeRegistry: Sendable {
    /// Every type, in the order they were defined (the built-ins first).
    public private(set) var parameterTypes: [ParameterType] = []
    private var indexByName: [String: Int] = [:]
    /// The types with each regular expression, preferential first, then by name.
    private var typesByRegexp: [String: [ParameterType]] = [:]

    /// Creates a registry with the built-in parameter types.
    public init() {
        // The built-ins have distinct names and at most one preferential type per regular expression.
        for parameterType in ParameterType.builtIns {
            insert(parameterType)
        }
    }

    /// Adds a parameter type.
    ///
    /// - Throws: ``CucumberExpressionError`` when a type with that name is already defined
    ///   (``CucumberExpressionError/Kind/duplicateParameterTypeName``), or when the type prefers regular expression
    ///   matches and another type with one of its regular expressions does too
    ///   (``CucumberExpressionError/Kind/duplicatePreferentialParameterType``).
    public mutating func define(_ parameterType: ParameterType) throws(CucumberExpressionError) {
        let name = parameterType.name
        if indexByName[name] != nil {
            let message =
                name.isEmpty
                ? "The anonymous parameter type has already been defined"
                : "There is already a parameter type with name \(name)"
            throw CucumberExpressionError(.duplicateParameterTypeName, message: message)
        }
        for regexp in parameterType.regexps {
            if let existing = typesByRegexp[regexp]?.first, existing.preferForRegexpMatch,
                parameterType.preferForRegexpMatch
            {
                throw CucumberExpressionError(
                    .duplicatePreferentialParameterType,
                    message: "There can only be one preferential parameter type per regexp. The regexp /\(regexp)/ "
                        + "is used for two preferential parameter types, {\(existing.name)} and {\(name)}")
            }
        }
        insert(parameterType)
    }

    /// Adds a parameter type known to be valid.
    private mutating func insert(_ parameterType: ParameterType) {
        indexByName[parameterType.name] = parameterTypes.count
        parameterTypes.append(parameterType)
        for regexp in Set(parameterType.regexps) {
            var types = typesByRegexp[regexp, default: []]
            types.append(parameterType)
            types.sort(by: ParameterType.areInIncreasingOrder)
            typesByRegexp[regexp] = types
        }
    }

    /// The type named `name` (the empty name is the anonymous type, `{}`), if defined.
    public func parameterType(named name: String) -> ParameterType? {
        indexByName[name].map { parameterTypes[$0] }
    }

    /// The types with the regular expression `regexp`, preferential first, then by name.
    public func parameterTypes(withRegexp regexp: String) -> [ParameterType] {
        typesByRegexp[regexp] ?? []
    }

    /// The type a regular expression's capture group `regexp` stands for: the only type with that regular
    /// expression, or the preferential one among several; `nil` when no type has it.
    ///
    /// - Parameters:
    ///   - regexp: The capture group's regular expression (the text between its parentheses).
    ///   - expressionRegexp: The whole regular expression, for the error message.
    ///   - text: The step text being matched, for the suggestions in the error message.
    /// - Throws: ``CucumberExpressionError`` (``CucumberExpressionError/Kind/ambiguousParameterType``) when several
    ///   types have `regexp` and none of them is preferential.
    public func parameterType(
        matchingRegexp regexp: String, in expressionRegexp: String, text: String
    ) throws(CucumberExpressionError) -> ParameterType? {
        let candidates = parameterTypes(withRegexp: regexp)
        guard let first = candidates.first else { return nil }
        if candidates.count > 1 && !first.preferForRegexpMatch {
            throw ambiguity(regexp: regexp, in: expressionRegexp, text: text, candidates: candidates)
        }
        return first
    }

    /// The error for a capture group that several parameter types claim, suggesting Cucumber Expressions instead.
    func ambiguity(
        regexp: String, in expressionRegexp: String, text: String, candidates: [ParameterType]
    ) -> CucumberExpressionError {
        let generated = CucumberExpressionGenerator(registry: self).generateExpressions(text)
        let message = """
            Your Regular Expression /\(expressionRegexp)/
            matches multiple parameter types with regexp /\(regexp)/:
               \(candidates.map { "{\($0.name)}" }.joined(separator: "\n   "))

            I couldn't decide which one to use. You have two options:

            1) Use a Cucumber Expression instead of a Regular Expression. Try one of these:
               \(generated.map(\.source).joined(separator: "\n   "))

            2) Make one of the parameter types preferential and continue to use a Regular Expression.


            """
        return CucumberExpressionError(.ambiguousParameterType, message: message)
    }
}
