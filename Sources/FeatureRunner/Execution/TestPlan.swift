import CucumberExpressions
import Gherkin

/// What a pickle step matched.
enum StepMatch<W: World>: Sendable {
    case matched(PreparedLibrary<W>.Definition, [Argument])
    case undefined(snippet: String, suggestions: [String])
    /// Every definition that matched, with what it matched.
    case ambiguous([(PreparedLibrary<W>.Definition, [Argument])])
    /// A parameter type's regular expression or transform failed while matching.
    case broken(StepError)
}

/// One step of a test case: a hook or a pickle step, with its `testStep` id.
struct PlannedStep<W: World>: Sendable {
    enum Kind: Sendable {
        case hook(PreparedLibrary<W>.PreparedHook)
        case step(PickleStep, keyword: String, location: Location?, StepMatch<W>)
    }

    let id: String
    let kind: Kind

    /// The step as reported when it does not run.
    var skippedResult: StepResult {
        switch kind {
        case .hook(let hook):
            StepResult(
                id: id, kind: .hook(hook.info.kind, definitionId: hook.info.id), keyword: "",
                text: hook.info.name ?? ScenarioExecutor<W>.hookName(hook.info.kind), location: nil, argument: nil,
                definitions: [hook.info], status: .skipped)
        case .step(let step, let keyword, let location, let match):
            StepResult(
                id: id, kind: .step(pickleStepId: step.id), keyword: keyword, text: step.text, location: location,
                argument: step.argument, definitions: match.definitions, status: .skipped)
        }
    }
}

extension StepMatch {
    /// The definitions matched.
    var definitions: [DefinitionInfo] {
        switch self {
        case .matched(let definition, _): [definition.info]
        case .ambiguous(let matches): matches.map(\.0.info)
        case .undefined, .broken: []
        }
    }
}

/// A pickle ready to run: its Before hooks, steps and After hooks, matched once for every attempt.
struct PlannedTestCase<W: World>: Sendable {
    let id: String
    let pickle: Pickle
    let steps: [PlannedStep<W>]
    let beforeStepHooks: [PreparedLibrary<W>.PreparedHook]
    let afterStepHooks: [PreparedLibrary<W>.PreparedHook]
}

/// Matches pickles against a prepared library and lays out their test steps.
struct TestPlanner<W: World>: Sendable {
    let library: PreparedLibrary<W>
    let index: GherkinIndex
    let snippets: SnippetGenerator
    let suggestions: StepSuggestions

    init(library: PreparedLibrary<W>, index: GherkinIndex) {
        self.library = library
        self.index = index
        self.snippets = SnippetGenerator(registry: library.registry)
        self.suggestions = StepSuggestions(
            patterns: library.definitions.map(\.info.pattern), registry: library.registry)
    }

    func plan(_ pickle: Pickle, ids: inout IdGenerator) -> PlannedTestCase<W> {
        let tags = pickle.tags.map(\.name)
        let testCaseId = ids.next()
        var steps: [PlannedStep<W>] = []
        for hook in library.hooks(.before, for: tags) {
            steps.append(PlannedStep(id: ids.next(), kind: .hook(hook)))
        }
        for pickleStep in pickle.steps {
            let astStep = index.step(of: pickleStep)
            steps.append(
                PlannedStep(
                    id: ids.next(),
                    kind: .step(
                        pickleStep, keyword: astStep?.keyword ?? "", location: astStep?.location,
                        match(pickleStep, keyword: astStep?.keyword))))
        }
        // After hooks run in the reverse order of their registration, as Cucumber runs them.
        for hook in library.hooks(.after, for: tags).reversed() {
            steps.append(PlannedStep(id: ids.next(), kind: .hook(hook)))
        }
        return PlannedTestCase(
            id: testCaseId, pickle: pickle, steps: steps, beforeStepHooks: library.hooks(.beforeStep, for: tags),
            afterStepHooks: library.hooks(.afterStep, for: tags).reversed())
    }

    func match(_ step: PickleStep, keyword: String?) -> StepMatch<W> {
        var matches: [(PreparedLibrary<W>.Definition, [Argument])] = []
        for definition in library.definitions {
            do {
                if let arguments = try definition.expression.match(step.text) {
                    matches.append((definition, arguments))
                }
            } catch {
                return .broken(
                    StepError(
                        message: "\(error)", type: "\(type(of: error))", definitionLocation: definition.info.location))
            }
        }
        switch matches.count {
        case 0:
            return .undefined(
                snippet: snippets.snippet(for: step, keyword: keyword),
                suggestions: suggestions.suggestions(for: step.text))
        case 1: return .matched(matches[0].0, matches[0].1)
        default: return .ambiguous(matches)
        }
    }
}
