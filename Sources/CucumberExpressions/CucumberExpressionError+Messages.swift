/// The syntax errors, worded and laid out as the reference implementation does:
///
/// ```
/// This Cucumber Expression has a problem at column 7:
///
/// three () mice
///       ^^
/// An optional must contain some text.
/// If you did not mean to use an optional you can use '\(' to escape the '('
/// ```
extension CucumberExpressionError {
    static func cannotEscape(in expression: String, at index: Int) -> Self {
        located(
            .characterCannotBeEscaped, in: expression, at: index, pointer: pointer(at: index),
            problem: #"Only the characters '{', '}', '(', ')', '\', '/' and whitespace can be escaped"#,
            solution: #"If you did mean to use an '\' you can use '\\' to escape it"#)
    }

    static func endOfLineCannotBeEscaped(in expression: String) -> Self {
        let index = expression.unicodeScalars.count - 1
        return located(
            .endOfLineCannotBeEscaped, in: expression, at: index, pointer: pointer(at: index),
            problem: "The end of line can not be escaped",
            solution: #"You can use '\\' to escape the '\'"#)
    }

    static func missingEndToken(
        in expression: String, begin: TokenType, end: TokenType, at current: Token
    ) -> Self {
        located(
            .missingEndToken, in: expression, at: current,
            problem: "The '\(begin.symbol)' does not have a matching '\(end.symbol)'",
            solution: "If you did not intend to use \(begin.purpose) you can use '\\\(begin.symbol)' to escape the "
                + begin.purpose)
    }

    static func alternationNotAllowedInOptional(in expression: String, at current: Token) -> Self {
        located(
            .alternationInOptional, in: expression, at: current,
            problem: "An alternation can not be used inside an optional",
            solution: #"If you did not mean to use an alternation you can use '\/' to escape the '/'. "#
                + "Otherwise rephrase your expression or consider using a regular expression instead.")
    }

    static func invalidParameterTypeName(in expression: String, at token: Token) -> Self {
        located(
            .invalidParameterTypeName, in: expression, at: token,
            problem: #"Parameter names may not contain '{', '}', '(', ')', '\' or '/'"#,
            solution: "Did you mean to use a regular expression?")
    }

    static func alternativeMayNotBeEmpty(in expression: String, at node: Node) -> Self {
        located(
            .emptyAlternative, in: expression, at: node,
            problem: "Alternative may not be empty",
            solution: #"If you did not mean to use an alternative you can use '\/' to escape the '/'"#)
    }

    static func alternativeMayNotExclusivelyContainOptionals(in expression: String, at node: Node) -> Self {
        located(
            .alternativeWithOnlyOptionals, in: expression, at: node,
            problem: "An alternative may not exclusively contain optionals",
            solution: #"If you did not mean to use an optional you can use '\(' to escape the '('"#)
    }

    static func optionalMayNotBeEmpty(in expression: String, at node: Node) -> Self {
        located(
            .emptyOptional, in: expression, at: node,
            problem: "An optional must contain some text",
            solution: #"If you did not mean to use an optional you can use '\(' to escape the '('"#)
    }

    static func parameterIsNotAllowedInOptional(in expression: String, at node: Node) -> Self {
        located(
            .parameterInOptional, in: expression, at: node,
            problem: "An optional may not contain a parameter type",
            solution: #"If you did not mean to use an parameter type you can use '\{' to escape the '{'"#)
    }

    static func optionalIsNotAllowedInOptional(in expression: String, at node: Node) -> Self {
        located(
            .optionalInOptional, in: expression, at: node,
            problem: "An optional may not contain an other optional",
            solution: #"If you did not mean to use an optional type you can use '\(' to escape the '('. "#
                + "For more complicated expressions consider using a regular expression instead.")
    }

    static func undefinedParameterType(named name: String, in expression: String, at node: Node) -> Self {
        located(
            .undefinedParameterType(name: name), in: expression, at: node,
            problem: "Undefined parameter type '\(name)'",
            solution: "Please register a ParameterType for '\(name)'")
    }

    // MARK: Layout

    private static func located(
        _ kind: Kind, in expression: String, at location: some Located, problem: String, solution: String
    ) -> Self {
        located(
            kind, in: expression, at: location.start, pointer: pointer(at: location), problem: problem,
            solution: solution)
    }

    private static func located(
        _ kind: Kind, in expression: String, at index: Int, pointer: String, problem: String, solution: String
    ) -> Self {
        let message = """
            This Cucumber Expression has a problem at column \(index + 1):

            \(expression)
            \(pointer)
            \(problem).
            \(solution)
            """
        return Self(kind, message: message)
    }

    /// A caret under column `index`.
    private static func pointer(at index: Int) -> String {
        String(repeating: " ", count: max(index, 0)) + "^"
    }

    /// A caret under the start of `location` and, when it spans more than one column, `-`s up to a caret under its
    /// last column.
    private static func pointer(at location: some Located) -> String {
        var pointer = pointer(at: location.start)
        if location.start + 1 < location.end {
            pointer += String(repeating: "-", count: max(location.end - location.start - 2, 0)) + "^"
        }
        return pointer
    }
}
