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

    /// What this state tries, in order (built once per state: parsing asks for every line).
    var checks: [Check] {
        switch self {
        case .start: Self.startChecks
        case .afterLanguage, .featureTags: Self.featureTagsChecks
        case .featureHeader, .ruleHeader: Self.headerChecks
        case .featureDescription, .ruleDescription: Self.headerDescriptionChecks
        case .ruleTags: Self.ruleTagsChecks
        case .backgroundHeader: Self.backgroundHeaderChecks
        case .backgroundDescription: Self.backgroundDescriptionChecks
        case .scenarioTags: Self.scenarioTagsChecks
        case .scenarioHeader: Self.scenarioHeaderChecks
        case .scenarioDescription: Self.scenarioDescriptionChecks
        case .step(let container): container == .background ? Self.backgroundStepChecks : Self.scenarioStepChecks
        case .dataTable(let container, let afterDocString):
            switch (container, afterDocString) {
            case (.background, false): Self.backgroundTableChecks
            case (.background, true): Self.backgroundTableAfterDocStringChecks
            case (.scenario, false): Self.scenarioTableChecks
            case (.scenario, true): Self.scenarioTableAfterDocStringChecks
            }
        case .docString: Self.docStringChecks
        case .docStringEnd(let container, let afterDataTable):
            switch (container, afterDataTable) {
            case (.background, false): Self.backgroundDocStringEndChecks
            case (.background, true): Self.backgroundDocStringEndAfterTableChecks
            case (.scenario, false): Self.scenarioDocStringEndChecks
            case (.scenario, true): Self.scenarioDocStringEndAfterTableChecks
            }
        case .examplesTags: Self.examplesTagsChecks
        case .examplesHeader: Self.examplesHeaderChecks
        case .examplesDescription: Self.examplesDescriptionChecks
        case .examplesTable: Self.examplesTableChecks
        case .end: [.eof]
        }
    }

    private static let startChecks: [Check] = [.eof, .language, .tagLine(.feature), .featureLine, .comment, .empty]
    private static let featureTagsChecks: [Check] = [.tagLine(.feature), .featureLine, .comment, .empty]
    private static let headerChecks: [Check] = [.eof, .empty, .comment] + afterHeader + [.other]
    private static let headerDescriptionChecks: [Check] = [.eof, .comment] + afterHeader + [.other]
    private static let ruleTagsChecks: [Check] = [.tagLine(.rule), .ruleLine, .comment, .empty]
    private static let backgroundHeaderChecks: [Check] =
        [.eof, .empty, .comment, .stepLine] + afterBackground + [.other]
    private static let backgroundDescriptionChecks: [Check] = [.eof, .comment, .stepLine] + afterBackground + [.other]
    private static let scenarioTagsChecks: [Check] = [.tagLine(.scenario), .scenarioLine, .comment, .empty]
    private static let scenarioHeaderChecks: [Check] = [.eof, .empty, .comment, .stepLine] + afterScenario + [.other]
    private static let scenarioDescriptionChecks: [Check] = [.eof, .comment, .stepLine] + afterScenario + [.other]
    private static let backgroundStepChecks = stepChecks(.background)
    private static let scenarioStepChecks = stepChecks(.scenario)
    private static let backgroundTableChecks = tableChecks(.background, afterDocString: false)
    private static let backgroundTableAfterDocStringChecks = tableChecks(.background, afterDocString: true)
    private static let scenarioTableChecks = tableChecks(.scenario, afterDocString: false)
    private static let scenarioTableAfterDocStringChecks = tableChecks(.scenario, afterDocString: true)
    private static let docStringChecks: [Check] = [.docStringSeparator, .other]
    private static let backgroundDocStringEndChecks = docStringEndChecks(.background, afterDataTable: false)
    private static let backgroundDocStringEndAfterTableChecks = docStringEndChecks(.background, afterDataTable: true)
    private static let scenarioDocStringEndChecks = docStringEndChecks(.scenario, afterDataTable: false)
    private static let scenarioDocStringEndAfterTableChecks = docStringEndChecks(.scenario, afterDataTable: true)
    private static let examplesTagsChecks: [Check] = [.tagLine(.examples), .examplesLine, .comment, .empty]
    private static let examplesHeaderChecks: [Check] = [.eof, .empty, .comment, .tableRow] + afterScenario + [.other]
    private static let examplesDescriptionChecks: [Check] = [.eof, .comment, .tableRow] + afterScenario + [.other]
    private static let examplesTableChecks: [Check] = [.eof, .tableRow] + afterScenario + [.comment, .empty]

    private static func stepChecks(_ container: StepContainer) -> [Check] {
        [.eof, .tableRow, .docStringSeparator, .stepLine] + after(container) + [.comment, .empty]
    }

    private static func tableChecks(_ container: StepContainer, afterDocString: Bool) -> [Check] {
        [.eof, .tableRow] + (afterDocString ? [] : [.docStringSeparator]) + [.stepLine] + after(container)
            + [.comment, .empty]
    }

    private static func docStringEndChecks(_ container: StepContainer, afterDataTable: Bool) -> [Check] {
        [.eof] + (afterDataTable ? [] : [.tableRow]) + [.stepLine] + after(container) + [.comment, .empty]
    }

    /// The tokens an error message says were expected here (`#EOF, #TagLine, ...`), each once.
    var expectedTokens: [String] {
        var seen: Set<TokenType> = []
        return checks.compactMap { seen.insert($0.tokenType).inserted ? $0.tokenType.hashName : nil }
    }
}
