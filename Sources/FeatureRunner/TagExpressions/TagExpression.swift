/// A Cucumber tag expression (`@smoke and not (@slow or @wip)`), which selects scenarios by their tags.
///
/// ```swift
/// let expression = try TagExpression("@smoke and not @slow")
/// expression.matches(["@smoke"])  // true
/// ```
public indirect enum TagExpression: Sendable, Equatable, CustomStringConvertible {
    /// The empty expression: every scenario.
    case all
    /// A tag.
    case tag(String)
    case not(TagExpression)
    case and(TagExpression, TagExpression)
    case or(TagExpression, TagExpression)

    /// Parses an expression.
    /// - Throws: ``TagExpressionError`` with the reference implementation's message.
    public init(_ text: String) throws(TagExpressionError) {
        self = try TagExpressionParser.parse(text)
    }

    /// Whether a set of tags satisfies the expression.
    public func matches(_ tags: some Sequence<String>) -> Bool {
        evaluate(Set(tags))
    }

    func evaluate(_ tags: Set<String>) -> Bool {
        switch self {
        case .all: true
        case .tag(let name): tags.contains(name)
        case .not(let inner): !inner.evaluate(tags)
        case .and(let left, let right): left.evaluate(tags) && right.evaluate(tags)
        case .or(let left, let right): left.evaluate(tags) || right.evaluate(tags)
        }
    }

    /// The fully parenthesized form, as the reference implementation prints it (`( a and b )`, `not ( a )`).
    public var description: String {
        switch self {
        case .all: ""
        case .tag(let name): Self.escape(name)
        case .not(let inner):
            switch inner {
            case .and, .or: "not \(inner)"
            default: "not ( \(inner) )"
            }
        case .and(let left, let right): "( \(left) and \(right) )"
        case .or(let left, let right): "( \(left) or \(right) )"
        }
    }

    static func escape(_ name: String) -> String {
        var output = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "(": output += "\\("
            case ")": output += "\\)"
            case _ where scalar.properties.isWhitespace: output += "\\ "
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}

/// Why a tag expression cannot be parsed.
public struct TagExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message, as the reference implementation words it.
    public var message: String

    /// Creates an error.
    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
