extension ParserRun {
    /// The container of steps the builder is in (a background's or a scenario's).
    private var container: StepContainer { builder.isInBackground ? .background : .scenario }

    /// What taking a matched token does: the rules it ends and starts, and the state it leads to.
    mutating func take(_ token: consuming GherkinToken, as check: Check, in state: ParserState) -> ParserState {
        switch check {
        case .eof:
            end(until: .gherkinDocument)
            builder.build(token)
            return .end
        case .empty, .comment:
            builder.build(token)
            return state
        case .language:
            start(.feature, .featureHeader)
            builder.build(token)
            return .afterLanguage
        case .tagLine(let target):
            return takeTagLine(token, for: target, in: state)
        case .featureLine:
            if builder.contains(.featureHeader) {
                end(until: .featureHeader)
            } else {
                start(.feature, .featureHeader)
            }
            builder.build(token)
            return .featureHeader
        case .ruleLine:
            if state == .ruleTags {
                end(until: .ruleHeader)
            } else {
                end(until: .feature)
                start(.rule, .ruleHeader)
            }
            builder.build(token)
            return .ruleHeader
        case .backgroundLine:
            end(until: .feature, or: .rule)
            start(.background)
            builder.build(token)
            return .backgroundHeader
        case .scenarioLine:
            if state == .scenarioTags {
                end(until: .scenarioDefinition)
                start(.scenario)
            } else {
                end(until: .feature, or: .rule)
                start(.scenarioDefinition, .scenario)
            }
            builder.build(token)
            return .scenarioHeader
        case .examplesLine:
            if state == .examplesTags {
                end(until: .examplesDefinition)
                start(.examples)
            } else {
                end(until: .scenario)
                start(.examplesDefinition, .examples)
            }
            builder.build(token)
            return .examplesHeader
        case .stepLine:
            end(until: .background, or: .scenario)
            let container = container
            start(.step)
            builder.build(token)
            return .step(container)
        case .docStringSeparator:
            return takeDocStringSeparator(token, in: state)
        case .tableRow:
            return takeTableRow(token, in: state)
        case .other:
            return takeOther(token, in: state)
        }
    }

    private mutating func takeTagLine(
        _ token: GherkinToken, for target: TagTarget, in state: ParserState
    )
        -> ParserState
    {
        switch (state, target) {
        case (.featureTags, _), (.ruleTags, _), (.scenarioTags, _), (.examplesTags, _):
            builder.build(token)
            return state
        case (_, .feature):
            if builder.contains(.featureHeader) {
                start(.tags)
            } else {
                start(.feature, .featureHeader, .tags)
            }
            builder.build(token)
            return .featureTags
        case (_, .rule):
            end(until: .feature)
            start(.rule, .ruleHeader, .tags)
            builder.build(token)
            return .ruleTags
        case (_, .scenario):
            end(until: .feature, or: .rule)
            start(.scenarioDefinition, .tags)
            builder.build(token)
            return .scenarioTags
        case (_, .examples):
            end(until: .scenario)
            start(.examplesDefinition, .tags)
            builder.build(token)
            return .examplesTags
        }
    }

    private mutating func takeDocStringSeparator(_ token: GherkinToken, in state: ParserState) -> ParserState {
        switch state {
        case .docString(let container, let afterDataTable):
            builder.build(token)
            return .docStringEnd(container, afterDataTable: afterDataTable)
        case .dataTable(let container, _):
            end(until: .step)
            start(.docString)
            builder.build(token)
            return .docString(container, afterDataTable: true)
        default:
            start(.docString)
            builder.build(token)
            return .docString(container, afterDataTable: false)
        }
    }

    private mutating func takeTableRow(_ token: GherkinToken, in state: ParserState) -> ParserState {
        switch state {
        case .dataTable, .examplesTable:
            builder.build(token)
            return state
        case .step(let container):
            start(.dataTable)
            builder.build(token)
            return .dataTable(container, afterDocString: false)
        case .docStringEnd(let container, _):
            end(until: .step)
            start(.dataTable)
            builder.build(token)
            return .dataTable(container, afterDocString: true)
        default:
            end(until: .examples)
            start(.examplesTable)
            builder.build(token)
            return .examplesTable
        }
    }

    private mutating func takeOther(_ token: GherkinToken, in state: ParserState) -> ParserState {
        let next: ParserState
        switch state {
        case .featureHeader: next = .featureDescription
        case .ruleHeader: next = .ruleDescription
        case .backgroundHeader: next = .backgroundDescription
        case .scenarioHeader: next = .scenarioDescription
        case .examplesHeader: next = .examplesDescription
        default:
            builder.build(token)
            return state
        }
        start(.description)
        builder.build(token)
        return next
    }
}
