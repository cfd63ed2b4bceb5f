/// The kinds of node in the syntax tree of a Cucumber Expression.
///
/// The raw values are the names the reference implementation uses in its test data and JSON output.
public enum NodeType: String, Sendable, CaseIterable {
    /// Literal text (a run of text or of whitespace, or a stray `)` or `}`).
    case text = "TEXT_NODE"
    /// Optional text, `(…)`.
    case optional = "OPTIONAL_NODE"
    /// Alternatives separated by `/`; its children are ``NodeType/alternative`` nodes.
    case alternation = "ALTERNATION_NODE"
    /// One of the alternatives of an alternation.
    case alternative = "ALTERNATIVE_NODE"
    /// A parameter, `{name}`; its children are the name's text nodes.
    case parameter = "PARAMETER_NODE"
    /// The whole expression.
    case expression = "EXPRESSION_NODE"
}

/// A node of the syntax tree of a Cucumber Expression, located by Unicode scalar (code point) offsets.
public struct Node: Sendable, Hashable, Located {
    /// What kind of node this is.
    public let type: NodeType
    /// The child nodes (empty for text nodes).
    public let nodes: [Node]
    /// The literal text of a text node; `nil` for the other kinds.
    public let token: String?
    /// The offset of the node's first code point.
    public let start: Int
    /// The offset just past the node's last code point.
    public let end: Int

    /// Creates a node.
    public init(type: NodeType, nodes: [Node] = [], token: String? = nil, start: Int, end: Int) {
        self.type = type
        self.nodes = nodes
        self.token = token
        self.start = start
        self.end = end
    }

    /// The node's text: a text node's token, or its children's text joined (a parameter's name, for instance).
    public var text: String {
        token ?? nodes.map(\.text).joined()
    }
}
