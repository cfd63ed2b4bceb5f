/// Parses a Cucumber Expression into its syntax tree: a node of type ``NodeType/expression``.
///
/// The grammar, informally:
///
/// ```
/// expression  := (alternation | optional | parameter | text)*
/// alternation := (optional | parameter | text)* ('/' (optional | parameter | text)*)+
///                  -- only where a word starts: after the start, whitespace or a parameter,
///                     and up to the next whitespace, parameter or end
/// optional    := '(' (optional | parameter | text)* ')'
/// parameter   := '{' name* '}'
/// ```
///
/// The tree keeps what the semantic checks need (empty or nested optionals, for instance); those checks are made when
/// a ``CucumberExpression`` compiles the tree.
public struct CucumberExpressionParser: Sendable {
    /// Creates a parser.
    public init() {}

    /// The syntax tree of `expression`.
    ///
    /// - Throws: ``CucumberExpressionError`` for a bad escape, an unclosed `(` or `{`, a `/` inside optional text or a
    ///   reserved character inside a parameter name.
    public func parse(_ expression: String) throws(CucumberExpressionError) -> Node {
        let tokens = try CucumberExpressionTokenizer().tokenize(expression)
        let parsing = Parsing(expression: expression, tokens: tokens)
        return try parsing.apply(.expression, at: 0).nodes[0]
    }
}

/// The rules of the grammar.
private enum Rule {
    case expression, alternation, alternativeSeparator, optional, parameter, name, text
}

/// What a rule consumed (a number of tokens) and produced.
private struct Parsed {
    var consumed: Int
    var nodes: [Node]

    static let nothing = Parsed(consumed: 0, nodes: [])
}

/// One parse of one expression's tokens.
private struct Parsing {
    let expression: String
    let tokens: [Token]

    func apply(_ rule: Rule, at index: Int) throws(CucumberExpressionError) -> Parsed {
        switch rule {
        case .expression:
            try between(
                .expression, begin: .startOfLine, end: .endOfLine, rules: [.alternation, .optional, .parameter, .text],
                at: index)
        case .optional:
            try between(
                .optional, begin: .beginOptional, end: .endOptional, rules: [.optional, .parameter, .text], at: index)
        case .parameter:
            try between(.parameter, begin: .beginParameter, end: .endParameter, rules: [.name], at: index)
        case .alternation:
            try alternation(at: index)
        case .alternativeSeparator:
            alternativeSeparator(at: index)
        case .name:
            try name(at: index)
        case .text:
            try text(at: index)
        }
    }

    // MARK: Rules

    private func text(at index: Int) throws(CucumberExpressionError) -> Parsed {
        let token = tokens[index]
        switch token.type {
        case .whiteSpace, .text, .endParameter, .endOptional:
            return Parsed(
                consumed: 1, nodes: [Node(type: .text, token: token.text, start: token.start, end: token.end)])
        case .alternation:
            throw .alternationNotAllowedInOptional(in: expression, at: token)
        case .beginParameter, .startOfLine, .endOfLine, .beginOptional:
            return .nothing
        }
    }

    private func name(at index: Int) throws(CucumberExpressionError) -> Parsed {
        let token = tokens[index]
        switch token.type {
        case .whiteSpace, .text:
            return Parsed(
                consumed: 1, nodes: [Node(type: .text, token: token.text, start: token.start, end: token.end)])
        case .beginOptional, .endOptional, .beginParameter, .endParameter, .alternation:
            throw .invalidParameterTypeName(in: expression, at: token)
        case .startOfLine, .endOfLine:
            return .nothing
        }
    }

    /// A `/`, kept as a placeholder alternative node until ``splitAlternatives(from:to:_:)`` replaces it.
    private func alternativeSeparator(at index: Int) -> Parsed {
        guard looking(at: index, .alternation) else { return .nothing }
        let token = tokens[index]
        return Parsed(
            consumed: 1, nodes: [Node(type: .alternative, token: token.text, start: token.start, end: token.end)])
    }

    private func alternation(at index: Int) throws(CucumberExpressionError) -> Parsed {
        // An alternation starts a word.
        guard
            looking(at: index - 1, .startOfLine) || looking(at: index - 1, .whiteSpace)
                || looking(at: index - 1, .endParameter)
        else { return .nothing }
        let parsed = try sequence(
            of: [.alternativeSeparator, .optional, .parameter, .text], from: index,
            until: [.whiteSpace, .endOfLine, .beginParameter])
        guard parsed.nodes.contains(where: { $0.type == .alternative }) else { return .nothing }
        let start = tokens[index].start
        // The boundary token after the alternation is not consumed.
        let end = tokens[index + parsed.consumed].start
        let alternatives = splitAlternatives(from: start, to: end, parsed.nodes)
        return Parsed(
            consumed: parsed.consumed, nodes: [Node(type: .alternation, nodes: alternatives, start: start, end: end)])
    }

    /// `begin`, then what `rules` parse, then `end`, as one node of type `type`.
    private func between(
        _ type: NodeType, begin: TokenType, end: TokenType, rules: [Rule], at index: Int
    ) throws(CucumberExpressionError) -> Parsed {
        guard looking(at: index, begin) else { return .nothing }
        let inner = try sequence(of: rules, from: index + 1, until: [end, .endOfLine])
        let endIndex = index + 1 + inner.consumed
        guard looking(at: endIndex, end) else {
            throw .missingEndToken(in: expression, begin: begin, end: end, at: tokens[index])
        }
        let node = Node(type: type, nodes: inner.nodes, start: tokens[index].start, end: tokens[endIndex].end)
        return Parsed(consumed: endIndex + 1 - index, nodes: [node])
    }

    // MARK: Combinators

    /// Applies the first of `rules` that consumes something, repeatedly, until one of `endTypes` (not consumed).
    private func sequence(
        of rules: [Rule], from start: Int, until endTypes: [TokenType]
    ) throws(CucumberExpressionError) -> Parsed {
        var index = start
        var nodes: [Node] = []
        tokens: while index < tokens.count {
            if endTypes.contains(where: { looking(at: index, $0) }) { break }
            for rule in rules {
                let parsed = try apply(rule, at: index)
                if parsed.consumed > 0 {
                    index += parsed.consumed
                    nodes += parsed.nodes
                    continue tokens
                }
            }
            // Every token type is handled by some rule of every rule list; should that ever change, keep the token
            // as text rather than loop forever.
            let token = tokens[index]
            nodes.append(Node(type: .text, token: token.text, start: token.start, end: token.end))
            index += 1
        }
        return Parsed(consumed: index - start, nodes: nodes)
    }

    private func looking(at index: Int, _ type: TokenType) -> Bool {
        if index < 0 { return type == .startOfLine }
        if index >= tokens.count { return type == .endOfLine }
        return tokens[index].type == type
    }

    /// Groups the nodes between separators into alternative nodes spanning from separator to separator.
    private func splitAlternatives(from start: Int, to end: Int, _ nodes: [Node]) -> [Node] {
        var separators: [Node] = []
        var groups: [[Node]] = [[]]
        for node in nodes {
            if node.type == .alternative {
                separators.append(node)
                groups.append([])
            } else {
                groups[groups.count - 1].append(node)
            }
        }
        return groups.enumerated().map { index, group in
            let groupStart = index == 0 ? start : separators[index - 1].end
            let groupEnd = index == groups.count - 1 ? end : separators[index].start
            return Node(type: .alternative, nodes: group, start: groupStart, end: groupEnd)
        }
    }
}
