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

/// A rule being built: the tokens it consumed and what its finished sub-rules produced, kept by kind so that the
/// parent takes them without searching or copying.
struct AstNode {
    let type: RuleType
    private(set) var tokens: [AstToken] = []
    private(set) var steps: [Step] = []
    /// A feature's children, in file order (the grammar puts the background first and rules last).
    private(set) var featureChildren: [FeatureChild] = []
    /// A rule's children, in file order.
    private(set) var ruleChildren: [RuleChild] = []
    private(set) var examples: [Examples] = []
    // Large results few rules have are kept out of line (an empty array is one word), so that starting and ending
    // rules, which moves nodes, moves little.
    private var dataTables: [DataTable] = []
    private var docStrings: [DocString] = []
    private var features: [Feature] = []
    private(set) var description: String?
    private(set) var tableRows: [TableRow]?
    /// Finished rules that build nothing of their own (headers, tags, a scenario's or examples' body).
    private(set) var subnodes: [AstNode] = []

    init(type: RuleType) {
        self.type = type
    }

    mutating func add(_ token: AstToken) { tokens.append(token) }

    mutating func add(_ value: consuming AstValue) {
        switch consume value {
        case .node(let node): subnodes.append(node)
        case .feature(let feature): if let feature { features.append(feature) }
        case .rule(let rule): if let rule { featureChildren.append(.rule(rule)) }
        case .background(let background):
            if type == .rule {
                ruleChildren.append(.background(background))
            } else {
                featureChildren.append(.background(background))
            }
        case .scenario(let scenario):
            if type == .rule {
                ruleChildren.append(.scenario(scenario))
            } else {
                featureChildren.append(.scenario(scenario))
            }
        case .examples(let examples): self.examples.append(examples)
        case .tableRows(let rows): tableRows = tableRows ?? rows
        case .step(let step): steps.append(step)
        case .dataTable(let table): dataTables.append(table)
        case .docString(let string): docStrings.append(string)
        case .description(let text): description = description ?? text
        }
    }

    var dataTable: DataTable? { dataTables.first }
    var docString: DocString? { docStrings.first }
    var feature: Feature? { features.first }

    func token(_ type: TokenType) -> AstToken? { tokens.first { $0.matchedType == type } }
    func tokens(_ type: TokenType) -> [AstToken] { tokens.filter { $0.matchedType == type } }
    func singleNode(_ type: RuleType) -> AstNode? { subnodes.first { $0.type == type } }
}
