/// Turns the syntax tree of a Cucumber Expression into a regular expression, checking what the parser left to it
/// (no empty optionals or alternatives, no parameters or optionals inside optionals) and resolving parameter names.
struct RegexCompiler {
    /// The expression as written, for error messages.
    let expression: String
    let registry: ParameterTypeRegistry
    /// The parameter types in the order their parameters appear.
    private(set) var parameterTypes: [ParameterType] = []

    init(expression: String, registry: ParameterTypeRegistry) {
        self.expression = expression
        self.registry = registry
    }

    /// The regular expression for `node` (and the nodes in it).
    mutating func compile(_ node: Node) throws(CucumberExpressionError) -> String {
        switch node.type {
        case .text:
            return Self.escape(node.text)
        case .optional:
            return try compileOptional(node)
        case .alternation:
            return try compileAlternation(node)
        case .alternative:
            return try compileAll(node.nodes)
        case .parameter:
            return try compileParameter(node)
        case .expression:
            return "^" + (try compileAll(node.nodes)) + "$"
        }
    }

    private mutating func compileAll(_ nodes: [Node], separator: String = "") throws(CucumberExpressionError) -> String
    {
        var parts: [String] = []
        for node in nodes {
            parts.append(try compile(node))
        }
        return parts.joined(separator: separator)
    }

    private mutating func compileOptional(_ node: Node) throws(CucumberExpressionError) -> String {
        if let parameter = node.nodes.first(where: { $0.type == .parameter }) {
            throw .parameterIsNotAllowedInOptional(in: expression, at: parameter)
        }
        if let optional = node.nodes.first(where: { $0.type == .optional }) {
            throw .optionalIsNotAllowedInOptional(in: expression, at: optional)
        }
        guard node.nodes.contains(where: { $0.type == .text }) else {
            throw .optionalMayNotBeEmpty(in: expression, at: node)
        }
        return "(?:" + (try compileAll(node.nodes)) + ")?"
    }

    private mutating func compileAlternation(_ node: Node) throws(CucumberExpressionError) -> String {
        for alternative in node.nodes {
            if alternative.nodes.isEmpty {
                throw .alternativeMayNotBeEmpty(in: expression, at: alternative)
            }
            guard alternative.nodes.contains(where: { $0.type == .text }) else {
                throw .alternativeMayNotExclusivelyContainOptionals(in: expression, at: alternative)
            }
        }
        return "(?:" + (try compileAll(node.nodes, separator: "|")) + ")"
    }

    private mutating func compileParameter(_ node: Node) throws(CucumberExpressionError) -> String {
        let name = node.text
        guard let parameterType = registry.parameterType(named: name) else {
            throw .undefinedParameterType(named: name, in: expression, at: node)
        }
        parameterTypes.append(parameterType)
        let regexps = parameterType.regexps
        if regexps.count == 1 {
            return "(" + regexps[0] + ")"
        }
        return "((?:" + regexps.joined(separator: ")|(?:") + "))"
    }

    /// The characters with a meaning in regular expressions.
    private static let special: Set<Unicode.Scalar> = [
        "\\", "^", "[", "(", "{", "$", ".", "|", "?", "*", "+", "}", ")", "]",
    ]

    /// `text` with each character that means something in a regular expression escaped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if special.contains(scalar) {
                escaped.unicodeScalars.append("\\")
            }
            escaped.unicodeScalars.append(scalar)
        }
        return escaped
    }
}
