/// The shunting-yard parser of tag expressions: `not` binds tighter than `and`, which binds tighter than `or`;
/// `\` escapes `(`, `)`, `\` and whitespace inside a tag.
enum TagExpressionParser {
    private enum Expected: String {
        case operand, `operator`
    }

    private static let precedence = ["(": -2, ")": -1, "or": 0, "and": 1, "not": 2]

    static func parse(_ text: String) throws(TagExpressionError) -> TagExpression {
        func failure(_ reason: String) -> TagExpressionError {
            TagExpressionError(
                message: "Tag expression \"\(text)\" could not be parsed because of syntax error: \(reason)")
        }
        let tokens = try tokenize(text, failure: failure)
        if tokens.isEmpty { return .all }
        var expressions: [TagExpression] = []
        var operators: [String] = []
        var expected = Expected.operand

        func check(_ kind: Expected) throws(TagExpressionError) {
            if expected != kind { throw failure("Expected \(expected.rawValue).") }
        }
        func reduce(_ token: String) throws(TagExpressionError) {
            switch token {
            case "and", "or":
                guard let right = expressions.popLast(), let left = expressions.popLast() else {
                    throw failure("Expected operand.")
                }
                expressions.append(token == "and" ? .and(left, right) : .or(left, right))
            default:
                guard let inner = expressions.popLast() else { throw failure("Expected operand.") }
                expressions.append(.not(inner))
            }
        }

        for token in tokens {
            switch token.kind {
            case .word("not"):
                try check(.operand)
                operators.append("not")
                expected = .operand
            case .word(let word) where word == "and" || word == "or":
                try check(.operator)
                while let top = operators.last, top != "(",
                    precedence[word]! <= precedence[top]!
                {
                    try reduce(operators.removeLast())
                }
                operators.append(word)
                expected = .operand
            case .open:
                try check(.operand)
                operators.append("(")
                expected = .operand
            case .close:
                try check(.operator)
                while let top = operators.last, top != "(" { try reduce(operators.removeLast()) }
                guard operators.popLast() == "(" else { throw failure("Unmatched ).") }
                expected = .operator
            case .word(let word), .literal(let word):
                try check(.operand)
                expressions.append(.tag(word))
                expected = .operator
            }
        }
        if expected == .operand { throw failure("Expected operand.") }
        while let top = operators.popLast() {
            if top == "(" { throw failure("Unmatched (.") }
            try reduce(top)
        }
        guard expressions.count == 1, let result = expressions.first else { throw failure("Expected operator.") }
        return result
    }

    // MARK: - Tokens

    struct Token {
        enum Kind {
            case open, close
            /// An unescaped word (an operator or a tag).
            case word(String)
            /// A word with an escape in it: always a tag.
            case literal(String)
        }

        var kind: Kind
    }

    private static func tokenize(
        _ text: String, failure: (String) -> TagExpressionError
    ) throws(TagExpressionError)
        -> [Token]
    {
        var tokens: [Token] = []
        var current = ""
        var escaped = false
        var hadEscape = false
        func flush() {
            guard !current.isEmpty else { return }
            tokens.append(Token(kind: hadEscape ? .literal(current) : .word(current)))
            current = ""
            hadEscape = false
        }
        // Unicode scalars, as the reference implementations read code points: a combining mark after a space or a
        // parenthesis must not make one character of them.
        for scalar in text.unicodeScalars {
            let isWhitespace = scalar.properties.isWhitespace
            if escaped {
                guard scalar == "(" || scalar == ")" || scalar == "\\" || isWhitespace else {
                    throw failure("Illegal escape before \"\(scalar)\".")
                }
                current.unicodeScalars.append(scalar)
                hadEscape = true
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if scalar == "(" || scalar == ")" || isWhitespace {
                flush()
                if scalar == "(" { tokens.append(Token(kind: .open)) }
                if scalar == ")" { tokens.append(Token(kind: .close)) }
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        flush()
        return tokens
    }
}
