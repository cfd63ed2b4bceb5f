import Foundation

/// An error from parsing, compiling or matching a step expression, or from defining a parameter type.
///
/// ``message`` is worded exactly as the reference implementation words it (syntax errors are several lines long,
/// with a caret under the offending column), so it can be shown to users as is. ``kind`` says which problem it is,
/// for callers that react to specific ones (an undefined parameter type, typically).
public struct CucumberExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems a ``CucumberExpressionError`` can report.
    public enum Kind: Sendable, Hashable {
        /// A `\` escapes a character that cannot be escaped.
        case characterCannotBeEscaped
        /// The expression ends with a lone `\`.
        case endOfLineCannotBeEscaped
        /// A `(` or `{` is not closed.
        case missingEndToken
        /// A `/` inside optional text.
        case alternationInOptional
        /// A parameter name contains a reserved character.
        case invalidParameterTypeName
        /// An alternative is empty.
        case emptyAlternative
        /// An alternative contains only optional text.
        case alternativeWithOnlyOptionals
        /// Optional text is empty.
        case emptyOptional
        /// A parameter inside optional text.
        case parameterInOptional
        /// Optional text inside optional text.
        case optionalInOptional
        /// The expression uses a parameter type the registry does not define.
        case undefinedParameterType(name: String)
        /// A regular expression's capture group matches several parameter types, none of them preferential.
        case ambiguousParameterType
        /// A parameter type with that name is already defined.
        case duplicateParameterTypeName
        /// Two preferential parameter types share a regular expression.
        case duplicatePreferentialParameterType
        /// A regular expression (of a step, or of a parameter type) does not compile.
        case invalidRegularExpression
        /// The number of capture groups does not match the number of parameter types.
        case captureGroupMismatch
        /// A built-in parameter type could not convert the matched text (a number out of range, say).
        case invalidValue
    }

    /// Which problem this is.
    public let kind: Kind
    /// The message, worded as the reference implementation words it.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// The name of the undefined parameter type, for ``Kind/undefinedParameterType(name:)`` errors.
    public var undefinedParameterTypeName: String? {
        if case .undefinedParameterType(let name) = kind { name } else { nil }
    }
}

extension CucumberExpressionError: LocalizedError {
    /// The message.
    public var errorDescription: String? { message }
}
