/// Whether steps belong to a background or to a scenario: after a scenario's steps `Examples:` may come.
enum StepContainer: Hashable, Sendable {
    case background, scenario
}

/// What a tag line starts: the grammar reads a tag line by what follows the tags.
enum TagTarget: Hashable, Sendable {
    /// The feature's tags (before `Feature:`).
    case feature
    /// A rule's tags: what a tag line is when no scenario or examples line follows.
    case rule
    /// A scenario's tags: a `Scenario:` line follows (after tags, comments and blank lines).
    case scenario
    /// An examples block's tags: an `Examples:` line follows.
    case examples
}

/// One thing a parser state tries, in the order the reference parser tries them.
enum Check: Hashable, Sendable {
    case eof, empty, comment, language, featureLine, ruleLine, backgroundLine, scenarioLine, examplesLine, stepLine
    case docStringSeparator, tableRow, other
    case tagLine(TagTarget)

    var tokenType: TokenType {
        switch self {
        case .eof: .eof
        case .empty: .empty
        case .comment: .comment
        case .language: .language
        case .featureLine: .featureLine
        case .ruleLine: .ruleLine
        case .backgroundLine: .backgroundLine
        case .scenarioLine: .scenarioLine
        case .examplesLine: .examplesLine
        case .stepLine: .stepLine
        case .docStringSeparator: .docStringSeparator
        case .tableRow: .tableRow
        case .other: .other
        case .tagLine: .tagLine
        }
    }
}

/// Where the parser is in the grammar (the reference parser's numbered states, named).
enum ParserState: Hashable, Sendable {
    case start, afterLanguage, featureTags, featureHeader, featureDescription
    case ruleTags, ruleHeader, ruleDescription
    case backgroundHeader, backgroundDescription
    case scenarioTags, scenarioHeader, scenarioDescription
    case step(StepContainer)
    case dataTable(StepContainer, afterDocString: Bool)
    case docString(StepContainer, afterDataTable: Bool)
    case docStringEnd(StepContainer, afterDataTable: Bool)
    case examplesTags, examplesHeader, examplesDescription, examplesTable
    case end

    private static let afterHeader: [Check] = [
        .backgroundLine, .tagLine(.scenario), .tagLine(.rule), .scenarioLine, .ruleLine,
    ]
    private static let afterBackground: [Check] = [.tagLine(.scenario), .tagLine(.rule), .scenarioLine, .ruleLine]
    private static let afterScenario: [Check] = [
        .tagLine(.examples), .tagLine(.scenario), .tagLine(.rule), .examplesLine, .scenarioLine, .ruleLine,
    ]

    private static func after(_ container: StepContainer) -> [Check] {
        container == .background ? afterBackground : afterScenario
    }

    /// What this state tries, in order.
    var checks: [Check] {
        switch self {
        case .start: [.eof, .language, .tagLine(.feature), .featureLine, .comment, .empty]
        case .afterLanguage, .featureTags: [.tagLine(.feature), .featureLine, .comment, .empty]
        case .featureHeader, .ruleHeader: [.eof, .empty, .comment] + Self.afterHeader + [.other]
        case .featureDescription, .ruleDescription: [.eof, .comment] + Self.afterHeader + [.other]
        case .ruleTags: [.tagLine(.rule), .ruleLine, .comment, .empty]
        case .backgroundHeader: [.eof, .empty, .comment, .stepLine] + Self.afterBackground + [.other]
        case .backgroundDescription: [.eof, .comment, .stepLine] + Self.afterBackground + [.other]
        case .scenarioTags: [.tagLine(.scenario), .scenarioLine, .comment, .empty]
        case .scenarioHeader: [.eof, .empty, .comment, .stepLine] + Self.afterScenario + [.other]
        case .scenarioDescription: [.eof, .comment, .stepLine] + Self.afterScenario + [.other]
        case .step(let container):
            [.eof, .tableRow, .docStringSeparator, .stepLine] + Self.after(container) + [.comment, .empty]
        case .dataTable(let container, let afterDocString):
            [.eof, .tableRow] + (afterDocString ? [] : [.docStringSeparator]) + [.stepLine] + Self.after(container)
                + [.comment, .empty]
        case .docString: [.docStringSeparator, .other]
        case .docStringEnd(let container, let afterDataTable):
            [.eof] + (afterDataTable ? [] : [.tableRow]) + [.stepLine] + Self.after(container) + [.comment, .empty]
        case .examplesTags: [.tagLine(.examples), .examplesLine, .comment, .empty]
        case .examplesHeader: [.eof, .empty, .comment, .tableRow] + Self.afterScenario + [.other]
        case .examplesDescription: [.eof, .comment, .tableRow] + Self.afterScenario + [.other]
        case .examplesTable: [.eof, .tableRow] + Self.afterScenario + [.comment, .empty]
        case .end: [.eof]
        }
    }

    /// The tokens an error message says were expected here (`#EOF, #TagLine, ...`), each once.
    var expectedTokens: [String] {
        var seen: Set<TokenType> = []
        return checks.compactMap { seen.insert($0.tokenType).inserted ? $0.tokenType.hashName : nil }
    }
}
