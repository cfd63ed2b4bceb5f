/// Splits a Cucumber Expression into ``Token``s.
///
/// Runs of text merge into one ``TokenType/text`` token and runs of whitespace into one
/// ``TokenType/whiteSpace`` token; each reserved character (`(`, `)`, `{`, `}`, `/`) is a token of its own. A `\`
/// makes the next character (which must be whitespace or reserved, or `\`) plain text. The list always starts with a
/// ``TokenType/startOfLine`` token and ends with an ``TokenType/endOfLine`` token. Offsets count Unicode scalars
/// (code points), escape characters included.
public struct CucumberExpressionTokenizer: Sendable {
    /// Creates a tokenizer.
    public init() {}

    /// The tokens of `expression`.
    ///
    /// - Throws: ``CucumberExpressionError`` when a `\` escapes a character that cannot be escaped, or ends the
    ///   expression.
    public func tokenize(_ expression: String) throws(CucumberExpressionError) -> [Token] {
        var state = State()
        var tokens = [state.flush(as: .startOfLine)]
        var escaping = false
        for scalar in expression.unicodeScalars {
            if !escaping && scalar == TokenType.escapeCharacter {
                state.escapes += 1
                escaping = true
                continue
            }
            let type: TokenType
            if escaping {
                guard TokenType.canEscape(scalar) else {
                    throw .cannotEscape(in: expression, at: state.bufferStart + state.bufferLength + state.escapes)
                }
                type = .text
                escaping = false
            } else {
                type = TokenType.of(scalar)
            }
            if let previous = state.bufferType, !Self.continues(previous, with: type) {
                tokens.append(state.flush(as: previous))
            }
            state.append(scalar, as: type)
        }
        if let previous = state.bufferType {
            tokens.append(state.flush(as: previous))
        }
        if escaping {
            throw .endOfLineCannotBeEscaped(in: expression)
        }
        tokens.append(state.flush(as: .endOfLine))
        return tokens
    }

    /// Whether a character of type `next` extends a token of type `previous`: only text and whitespace runs do.
    private static func continues(_ previous: TokenType, with next: TokenType) -> Bool {
        previous == next && (next == .text || next == .whiteSpace)
    }

    /// The token being accumulated.
    private struct State {
        var buffer = String.UnicodeScalarView()
        var bufferType: TokenType?
        var bufferLength = 0
        var bufferStart = 0
        /// Escape characters seen since the last text token; they belong to the next text token.
        var escapes = 0

        mutating func append(_ scalar: Unicode.Scalar, as type: TokenType) {
            buffer.append(scalar)
            bufferLength += 1
            bufferType = type
        }

        mutating func flush(as type: TokenType) -> Token {
            var escaped = 0
            if type == .text {
                escaped = escapes
                escapes = 0
            }
            let end = bufferStart + bufferLength + escaped
            let token = Token(type: type, text: String(buffer), start: bufferStart, end: end)
            buffer = String.UnicodeScalarView()
            bufferType = nil
            bufferLength = 0
            bufferStart = end
            return token
        }
    }
}
