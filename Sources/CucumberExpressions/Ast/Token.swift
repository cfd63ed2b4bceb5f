/// The kinds of token a Cucumber Expression is split into.
///
/// The raw values are the names the reference implementation uses in its test data and JSON output.
public enum TokenType: String, Sendable, CaseIterable {
    /// The (empty) token before the first character.
    case startOfLine = "START_OF_LINE"
    /// The (empty) token after the last character.
    case endOfLine = "END_OF_LINE"
    /// A run of whitespace.
    case whiteSpace = "WHITE_SPACE"
    /// `(`, which opens optional text.
    case beginOptional = "BEGIN_OPTIONAL"
    /// `)`, which closes optional text.
    case endOptional = "END_OPTIONAL"
    /// `{`, which opens a parameter.
    case beginParameter = "BEGIN_PARAMETER"
    /// `}`, which closes a parameter.
    case endParameter = "END_PARAMETER"
    /// `/`, which separates alternatives.
    case alternation = "ALTERNATION"
    /// A run of any other (or escaped) characters.
    case text = "TEXT"

    /// The character this token type stands for, if it is a single reserved character.
    var symbol: String {
        switch self {
        case .beginOptional: "("
        case .endOptional: ")"
        case .beginParameter: "{"
        case .endParameter: "}"
        case .alternation: "/"
        case .startOfLine, .endOfLine, .whiteSpace, .text: ""
        }
    }

    /// What the reserved character is for, as error messages phrase it.
    var purpose: String {
        switch self {
        case .beginOptional, .endOptional: "optional text"
        case .beginParameter, .endParameter: "a parameter"
        case .alternation: "alternation"
        case .startOfLine, .endOfLine, .whiteSpace, .text: ""
        }
    }

    /// The escape character, `\`.
    static let escapeCharacter: Unicode.Scalar = "\\"

    /// The token type a single, unescaped character starts.
    static func of(_ scalar: Unicode.Scalar) -> TokenType {
        if scalar.properties.isWhitespace {
            return .whiteSpace
        }
        switch scalar {
        case "/": return .alternation
        case "{": return .beginParameter
        case "}": return .endParameter
        case "(": return .beginOptional
        case ")": return .endOptional
        default: return .text
        }
    }

    /// Whether `scalar` may follow the escape character: whitespace and `{`, `}`, `(`, `)`, `\`, `/`.
    static func canEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == escapeCharacter || of(scalar) != .text
    }
}

/// A token of a Cucumber Expression, located by Unicode scalar (code point) offsets into the expression.
public struct Token: Sendable, Hashable, Located {
    /// What kind of token this is.
    public let type: TokenType
    /// The token's text, with escape characters removed.
    public let text: String
    /// The offset of the token's first code point (escape characters included).
    public let start: Int
    /// The offset just past the token's last code point (escape characters included).
    public let end: Int

    /// Creates a token.
    public init(type: TokenType, text: String, start: Int, end: Int) {
        self.type = type
        self.text = text
        self.start = start
        self.end = end
    }
}

/// Something with a position in a Cucumber Expression: a token or a node.
protocol Located {
    var start: Int { get }
    var end: Int { get }
}
