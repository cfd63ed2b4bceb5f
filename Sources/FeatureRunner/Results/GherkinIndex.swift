import Gherkin

/// Looks up what pickles point at: the feature, rule, scenario, examples and row of a pickle, and the step of a pickle
/// step, by the ids in `astNodeIds`.
public struct GherkinIndex: Sendable {
    /// What a pickle came from.
    public struct Origin: Sendable {
        public var feature: Feature
        public var rule: Rule?
        public var scenario: Scenario
        /// For an outline row: its examples, and 1-based indexes of the examples block and of the row in it.
        public var examples: Examples?
        public var row: TableRow?
        public var examplesIndex: Int?
        public var rowIndex: Int?
    }

    private var scenarios: [String: Origin] = [:]
    private var rows: [String: (examples: Examples, examplesIndex: Int, rowIndex: Int)] = [:]
    private var steps: [String: Gherkin.Step] = [:]
    private var backgrounds: [String: Background] = [:]

    public init(documents: [GherkinDocument]) {
        for document in documents {
            guard let feature = document.feature else { continue }
            for child in feature.children {
                switch child {
                case .background(let background): add(background)
                case .scenario(let scenario): add(scenario, feature: feature, rule: nil)
                case .rule(let rule):
                    for ruleChild in rule.children {
                        switch ruleChild {
                        case .background(let background): add(background)
                        case .scenario(let scenario): add(scenario, feature: feature, rule: rule)
                        }
                    }
                }
            }
        }
    }

    private mutating func add(_ background: Background) {
        for step in background.steps {
            steps[step.id] = step
            backgrounds[step.id] = background
        }
    }

    private mutating func add(_ scenario: Scenario, feature: Feature, rule: Rule?) {
        scenarios[scenario.id] = Origin(feature: feature, rule: rule, scenario: scenario)
        for step in scenario.steps { steps[step.id] = step }
        for (examplesIndex, examples) in scenario.examples.enumerated() {
            for (rowIndex, row) in examples.tableBody.enumerated() {
                rows[row.id] = (examples, examplesIndex + 1, rowIndex + 1)
            }
        }
    }

    /// Where a pickle came from.
    public func origin(of pickle: Pickle) -> Origin? {
        guard let scenarioId = pickle.astNodeIds.first, var origin = scenarios[scenarioId] else { return nil }
        if pickle.astNodeIds.count > 1, let row = rows[pickle.astNodeIds[1]] {
            origin.examples = row.examples
            origin.examplesIndex = row.examplesIndex
            origin.rowIndex = row.rowIndex
            origin.row = row.examples.tableBody[row.rowIndex - 1]
        }
        return origin
    }

    /// The Background a pickle step came from, when it came from one.
    public func background(of pickleStep: PickleStep) -> Background? {
        pickleStep.astNodeIds.first.flatMap { backgrounds[$0] }
    }

    /// The step a pickle step came from.
    public func step(of pickleStep: PickleStep) -> Gherkin.Step? {
        pickleStep.astNodeIds.first.flatMap { steps[$0] }
    }
}
