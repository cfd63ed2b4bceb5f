/// Compiles a document into pickles as the reference compiler does: scenarios in file order (rules' too), background
/// steps first (only for scenarios that have steps), tags inherited, outlines expanded row by row with `<name>`
/// replaced in step text, doc strings, media types, table cells and the pickle's name.
public struct PickleCompiler: Sendable {
    public init() {}

    /// The document's pickles; ids come from `ids` (steps before their pickle).
    public func compile(_ document: GherkinDocument, ids: inout IdGenerator) -> [Pickle] {
        guard let feature = document.feature else { return [] }
        var context = Context(uri: document.uri ?? "", language: feature.language, ids: ids)
        var backgroundSteps: [Step] = []
        for child in feature.children {
            switch child {
            case .background(let background):
                backgroundSteps += background.steps
            case .scenario(let scenario):
                context.compile(scenario, tags: feature.tags, backgroundSteps: backgroundSteps)
            case .rule(let rule):
                var ruleBackgroundSteps = backgroundSteps
                for ruleChild in rule.children {
                    switch ruleChild {
                    case .background(let background):
                        ruleBackgroundSteps += background.steps
                    case .scenario(let scenario):
                        context.compile(scenario, tags: feature.tags + rule.tags, backgroundSteps: ruleBackgroundSteps)
                    }
                }
            }
        }
        ids = context.ids
        return context.pickles
    }

    private struct Context {
        let uri: String
        let language: String
        var ids: IdGenerator
        var pickles: [Pickle] = []

        init(uri: String, language: String, ids: IdGenerator) {
            self.uri = uri
            self.language = language
            self.ids = ids
        }

        mutating func compile(_ scenario: Scenario, tags: [Tag], backgroundSteps: [Step]) {
            if scenario.examples.isEmpty {
                compilePlain(scenario, tags: tags, backgroundSteps: backgroundSteps)
            } else {
                compileOutline(scenario, tags: tags, backgroundSteps: backgroundSteps)
            }
        }

        private mutating func compilePlain(_ scenario: Scenario, tags: [Tag], backgroundSteps: [Step]) {
            var steps: [PickleStep] = []
            if !scenario.steps.isEmpty {
                var lastType = StepKeywordType.unknown
                for step in backgroundSteps + scenario.steps {
                    steps.append(pickleStep(step, values: nil, lastType: &lastType))
                }
            }
            pickles.append(
                Pickle(
                    id: ids.next(), uri: uri, location: scenario.location, name: scenario.name, language: language,
                    steps: steps, tags: (tags + scenario.tags).map(Self.pickleTag), astNodeIds: [scenario.id]))
        }

        private mutating func compileOutline(_ scenario: Scenario, tags: [Tag], backgroundSteps: [Step]) {
            for examples in scenario.examples {
                guard let header = examples.tableHeader else { continue }
                let names = header.cells.map(\.value)
                for row in examples.tableBody {
                    let values = Array(zip(names, row.cells.map(\.value)))
                    var steps: [PickleStep] = []
                    if !scenario.steps.isEmpty {
                        var lastType = StepKeywordType.unknown
                        for step in backgroundSteps {
                            steps.append(pickleStep(step, values: nil, lastType: &lastType))
                        }
                        for step in scenario.steps {
                            steps.append(pickleStep(step, values: (values, row.id), lastType: &lastType))
                        }
                    }
                    pickles.append(
                        Pickle(
                            id: ids.next(), uri: uri, location: row.location,
                            name: Self.interpolate(scenario.name, values), language: language, steps: steps,
                            tags: (tags + scenario.tags + examples.tags).map(Self.pickleTag),
                            astNodeIds: [scenario.id, row.id]))
                }
            }
        }

        private mutating func pickleStep(
            _ step: Step, values: (names: [(String, String)], rowId: String)?, lastType: inout StepKeywordType
        ) -> PickleStep {
            let type = step.keywordType ?? .unknown
            if type != .conjunction { lastType = type }
            let substitutions = values?.names ?? []
            var argument: PickleStepArgument?
            if step.docString != nil || step.dataTable != nil {
                var docStringIndex: Int?
                var dataTableIndex: Int?
                if let docString = step.docString, let dataTable = step.dataTable {
                    let docStringFirst = docString.location < dataTable.location
                    docStringIndex = docStringFirst ? 1 : 2
                    dataTableIndex = docStringFirst ? 2 : 1
                }
                argument = PickleStepArgument(
                    docString: step.docString.map {
                        PickleDocString(
                            mediaType: $0.mediaType.map { Self.interpolate($0, substitutions) },
                            content: Self.interpolate($0.content, substitutions), argumentIndex: docStringIndex)
                    },
                    dataTable: step.dataTable.map { table in
                        PickleTable(
                            rows: table.rows.map { row in
                                PickleTable.Row(
                                    cells: row.cells.map { .init(value: Self.interpolate($0.value, substitutions)) })
                            }, argumentIndex: dataTableIndex)
                    })
            }
            var astNodeIds = [step.id]
            if let rowId = values?.rowId { astNodeIds.append(rowId) }
            return PickleStep(
                id: ids.next(), text: Self.interpolate(step.text, substitutions), type: lastType, argument: argument,
                astNodeIds: astNodeIds)
        }

        static func interpolate(_ text: String, _ values: [(String, String)]) -> String {
            guard !values.isEmpty, text.contains("<") else { return text }
            var result = text
            for (name, value) in values {
                result = result.replacingAll("<\(name)>", with: value)
            }
            return result
        }

        static func pickleTag(_ tag: Tag) -> PickleTag { PickleTag(name: tag.name, astNodeId: tag.id) }
    }
}

extension String {
    /// The string with every occurrence of `target` replaced (scalar by scalar, left to right).
    func replacingAll(_ target: String, with replacement: String) -> String {
        let scalars = Array(unicodeScalars)
        let pattern = Array(target.unicodeScalars)
        guard !pattern.isEmpty, scalars.count >= pattern.count else { return self }
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if index + pattern.count <= scalars.count, scalars[index] == pattern[0],
                Array(scalars[index..<index + pattern.count]) == pattern
            {
                result.append(contentsOf: replacement.unicodeScalars)
                index += pattern.count
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
