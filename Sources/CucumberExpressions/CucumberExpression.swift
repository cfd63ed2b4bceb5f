/// A Cucumber Expression: text with `{parameters}`, `(optional text)` and `alternative/words`, matched against
/// whole step texts.
///
/// ```swift
/// let registry = ParameterTypeRegistry()
/// let expression = try CucumberExpression("I have {int} cuke(s) in my belly/stomach", registry: registry)
/// let arguments = try expression.match("I have 42 cukes in my belly")
/// try arguments?[0].value  // 42
/// ```
///
/// The expression is parsed, checked and compiled to a regular expression once, in `init`; matching only runs that
/// regular expression.
public struct CucumberExpression: StepExpression {
    /// The expression as written.
    public let source: String
    /// The expression's syntax tree.
    public let ast: Node
    /// The regular expression the expression compiles to, anchored at both ends.
    public let regexPattern: String
    /// The types of the expression's parameters, in order.
    public let parameterTypes: [ParameterType]
    private let treeRegexp: TreeRegexp

    /// Parses and compiles `source`, resolving its parameters in `registry`.
    ///
    /// - Throws: ``CucumberExpressionError`` for a syntax error, an undefined parameter type
    ///   (``CucumberExpressionError/Kind/undefinedParameterType(name:)``) or a parameter type whose regular
    ///   expression does not compile.
    public init(_ source: String, registry: ParameterTypeRegistry) throws(CucumberExpressionError) {
        self.source = source
        ast = try CucumberExpressionParser().parse(source)
        var compiler = RegexCompiler(expression: source, registry: registry)
        regexPattern = try compiler.compile(ast)
        parameterTypes = compiler.parameterTypes
        treeRegexp = try TreeRegexp(regexPattern)
    }

    /// The arguments of `text` when the expression matches all of it, else `nil`.
    public func match(_ text: String) throws(CucumberExpressionError) -> [Argument]? {
        guard let group = treeRegexp.match(text) else { return nil }
        return try Argument.build(group, parameterTypes)
    }
}

extension CucumberExpression: CustomStringConvertible {
    /// The expression as written.
    public var description: String { source }
}
