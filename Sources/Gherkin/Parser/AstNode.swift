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
    let matchedCells: [TableCell]
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
        matchedCells = token.matchedCells
        lineNumber = token.lineNumber
        column = token.column
        tagError = token.tagError
        dialectCode = token.dialectCode
    }
}

/// A rule being built: the tokens it consumed and what its finished sub-rules produced, kept by kind so that the
/// parent takes them without searching or copying.
struct AstNode {
    /// What finished sub-rules produced, by kind; allocated on the first one, since most rules (a step, a
    /// description, a table) have none, and a node is made and dropped for every rule.
    final class Results {
        var steps: [Step] = []
        /// A feature's children, in file order (the grammar puts the background first and rules last).
        var featureChildren: [FeatureChild] = []
        /// A rule's children, in file order.
        var ruleChildren: [RuleChild] = []
        var examples: [Examples] = []
        var dataTable: DataTable?
        var docString: DocString?
        var feature: Feature?
        var description: String?
        var tableRows: [TableRow]?
        /// Finished rules that build nothing of their own (headers, tags, a scenario's or examples' body).
        var subnodes: [AstNode] = []
    }

    let type: RuleType
    private(set) var tokens: [AstToken] = []
    private var results: Results?

    init(type: RuleType) {
        self.type = type
    }

    mutating func add(_ token: AstToken) { tokens.append(token) }

    mutating func add(_ value: consuming AstValue) {
        let results: Results
        if let existing = self.results {
            results = existing
        } else {
            results = Results()
            self.results = results
        }
        switch consume value {
        case .node(let node): results.subnodes.append(node)
        case .feature(let feature): if let feature { results.feature = results.feature ?? feature }
        case .rule(let rule): if let rule { results.featureChildren.append(.rule(rule)) }
        case .background(let background):
            if type == .rule {
                results.ruleChildren.append(.background(background))
            } else {
                results.featureChildren.append(.background(background))
            }
        case .scenario(let scenario):
            if type == .rule {
                results.ruleChildren.append(.scenario(scenario))
            } else {
                results.featureChildren.append(.scenario(scenario))
            }
        case .examples(let examples): results.examples.append(examples)
        case .tableRows(let rows): results.tableRows = results.tableRows ?? rows
        case .step(let step): results.steps.append(step)
        case .dataTable(let table): results.dataTable = results.dataTable ?? table
        case .docString(let string): results.docString = results.docString ?? string
        case .description(let text): results.description = results.description ?? text
        }
    }

    var steps: [Step] { results?.steps ?? [] }
    var featureChildren: [FeatureChild] { results?.featureChildren ?? [] }
    var ruleChildren: [RuleChild] { results?.ruleChildren ?? [] }
    var examples: [Examples] { results?.examples ?? [] }
    var dataTable: DataTable? { results?.dataTable }
    var docString: DocString? { results?.docString }
    var feature: Feature? { results?.feature }
    var description: String? { results?.description }
    var tableRows: [TableRow]? { results?.tableRows }

    func token(_ type: TokenType) -> AstToken? { tokens.first { $0.matchedType == type } }
    func tokens(_ type: TokenType) -> [AstToken] { tokens.filter { $0.matchedType == type } }
    func singleNode(_ type: RuleType) -> AstNode? { results?.subnodes.first { $0.type == type } }
}
