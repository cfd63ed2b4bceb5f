/// The rules of the Gherkin grammar that build something.
enum RuleType: Sendable {
    case gherkinDocument, feature, featureHeader, rule, ruleHeader, background, scenarioDefinition, scenario
    case examplesDefinition, examples, examplesTable, step, dataTable, docString, tags, description
}

/// What a finished rule left for its parent.
enum AstValue {
    case node(AstNode)
    case feature(Feature?)
    case rule(Rule?)
    case background(Background)
    case scenario(Scenario)
    case examples(Examples)
    case tableRows([TableRow])
    case step(Step)
    case dataTable(DataTable)
    case docString(DocString)
    case description(String)
}

/// What the builder keeps of a token: what it matched, not the line it was read from.
struct AstToken {
    let matchedType: TokenType?
    let matchedKeyword: String?
    let matchedText: String?
    let keywordType: StepKeywordType?
    let matchedItems: [LineSpan]
    let lineNumber: Int
    let column: Int?
    let tagError: Int?
    let dialectCode: String

    init(_ token: borrowing GherkinToken) {
        matchedType = token.matchedType
        matchedKeyword = token.matchedKeyword
        matchedText = token.matchedText
        keywordType = token.keywordType
        matchedItems = token.matchedItems
        lineNumber = token.lineNumber
        column = token.column
        tagError = token.tagError
        dialectCode = token.dialectCode
    }
}

/// A rule being built: the tokens it consumed and what its finished sub-rules produced.
struct AstNode {
    let type: RuleType
    private(set) var tokens: [AstToken] = []
    private(set) var children: [(type: RuleType, value: AstValue)] = []

    init(type: RuleType) {
        self.type = type
    }

    mutating func add(_ token: AstToken) { tokens.append(token) }
    mutating func add(_ value: AstValue, of type: RuleType) { children.append((type, value)) }

    func token(_ type: TokenType) -> AstToken? { tokens.first { $0.matchedType == type } }
    func tokens(_ type: TokenType) -> [AstToken] { tokens.filter { $0.matchedType == type } }
    func single(_ type: RuleType) -> AstValue? { children.first { $0.type == type }?.value }
    func items(_ type: RuleType) -> [AstValue] { children.filter { $0.type == type }.map(\.value) }

    func singleNode(_ type: RuleType) -> AstNode? {
        if case .node(let node) = single(type) { return node }
        return nil
    }
}
