import CucumberExpressions
import Foundation
import Gherkin

/// Runs one attempt at a test case with a fresh world: Before hooks, the steps (each between its BeforeStep and
/// AfterStep hooks), After hooks. After a step that does not pass, the rest are skipped; After hooks always run.
struct ScenarioExecutor<W: World>: Sendable {
    let options: ExecutionOptions
    let secrets: SecretValues

    /// How a body ended.
    private struct Outcome {
        var status: Status
        var error: StepError?
    }

    func run(
        _ testCase: PlannedTestCase<W>, attempt: Int, attemptId: String, worker: Int, willBeRetried: Bool,
        listener: (any RunListener)?
    ) async -> AttemptResult {
        let startedAt = Date()
        var world = W()
        let recorder = AttachmentRecorder()
        var scenario = ScenarioInfo(
            name: testCase.pickle.name, tags: testCase.pickle.tags.map(\.name), uri: testCase.pickle.uri,
            line: testCase.pickle.location?.line ?? 0, attempt: attempt, status: nil, pickle: testCase.pickle,
            secrets: secrets, recorder: recorder)
        var results: [StepResult] = []
        results.reserveCapacity(testCase.steps.count)
        var skipping = false
        var worst = Status.passed
        for planned in testCase.steps {
            var result: StepResult
            switch planned.kind {
            case .hook(let hook):
                result = StepResult(
                    id: planned.id, kind: .hook(hook.info.kind, definitionId: hook.info.id), keyword: "",
                    text: hook.info.name ?? Self.hookName(hook.info.kind), location: nil, argument: nil,
                    definitions: [hook.info], status: .skipped)
                let isAfter = hook.hook.kind == .after
                if !options.dryRun, isAfter || !skipping, case .scenario(let body) = hook.hook.body {
                    scenario.status = worst
                    let info = scenario
                    let clock = ContinuousClock.now
                    let outcome = await invoke(
                        world: &world, timeout: options.stepTimeout, location: hook.info.location
                    ) {
                        try await body(&$0, info)
                    }
                    result.duration = Self.seconds(since: clock)
                    result.status = outcome.status
                    result.error = outcome.error
                    if outcome.status != .passed, !isAfter { skipping = true }
                }
            case .step(let pickleStep, let keyword, let location, let match):
                // A scenario a step or hook skipped (rather than failed) reports the rest skipped, even the steps that
                // are undefined or ambiguous, as Cucumber does.
                let scenarioSkipped = !options.dryRun && skipping && worst == .skipped
                result = StepResult(
                    id: planned.id, kind: .step(pickleStepId: pickleStep.id), keyword: keyword, text: pickleStep.text,
                    location: location, argument: pickleStep.argument, status: .skipped)
                switch match {
                case .undefined(let snippet, let suggestions):
                    result.status = scenarioSkipped ? .skipped : .undefined
                    result.snippet = scenarioSkipped ? nil : snippet
                    result.suggestions = scenarioSkipped || suggestions.isEmpty ? nil : suggestions
                case .ambiguous(let matches):
                    let definitions = matches.map(\.0)
                    result.status = .ambiguous
                    result.definitions = definitions.map(\.info)
                    result.candidateArguments = matches.map { $0.1.map(MatchedArgument.init) }
                    if scenarioSkipped {
                        result.status = .skipped
                        break
                    }
                    result.error = StepError(
                        message: "\"\(pickleStep.text)\" matches \(definitions.count) step definitions:\n"
                            + definitions.map { "  \($0.info.pattern) at \($0.info.location)" }.joined(separator: "\n"),
                        type: "AmbiguousStep", definitionLocation: nil)
                case .broken(let error):
                    result.status = .failed
                    result.error = error
                case .matched(let definition, let arguments):
                    result.definitions = [definition.info]
                    result.matchedArguments = arguments.map(MatchedArgument.init)
                    if !options.dryRun, !skipping {
                        let outcome = await runStep(
                            definition, arguments: arguments, step: pickleStep, testCase: testCase, scenario: scenario,
                            recorder: recorder, world: &world)
                        result.status = outcome.0.status
                        result.error = outcome.0.error
                        result.duration = outcome.1
                    }
                }
                if result.status != .passed { skipping = true }
            }
            result.attachments = recorder.drain()
            worst = max(worst, result.status)
            listener?.stepFinished(result, in: testCase.pickle, attempt: attempt)
            results.append(result)
        }
        return AttemptResult(
            attempt: attempt, id: attemptId, steps: results, startedAt: startedAt, finishedAt: Date(),
            willBeRetried: willBeRetried, worker: worker)
    }

    private func runStep(
        _ definition: PreparedLibrary<W>.Definition, arguments: [Argument], step: PickleStep,
        testCase: PlannedTestCase<W>, scenario: ScenarioInfo, recorder: AttachmentRecorder, world: inout W
    ) async -> (Outcome, TimeInterval) {
        let clock = ContinuousClock.now
        let timeout = definition.definition.timeout ?? options.stepTimeout
        for hook in testCase.beforeStepHooks {
            guard case .step(let body) = hook.hook.body else { continue }
            let info = StepInfo(text: step.text, scenario: scenario, status: nil)
            let outcome = await invoke(world: &world, timeout: timeout, location: hook.info.location) {
                try await body(&$0, info)
            }
            if outcome.status != .passed { return (outcome, Self.seconds(since: clock)) }
        }
        let call = StepCall(
            text: step.text, arguments: arguments, argument: step.argument, scenario: scenario, recorder: recorder)
        let body = definition.definition.body
        var outcome = await invoke(world: &world, timeout: timeout, location: definition.info.location) {
            try await body(&$0, call)
        }
        for hook in testCase.afterStepHooks {
            guard case .step(let body) = hook.hook.body else { continue }
            let info = StepInfo(text: step.text, scenario: scenario, status: outcome.status)
            let hookOutcome = await invoke(world: &world, timeout: timeout, location: hook.info.location) {
                try await body(&$0, info)
            }
            if hookOutcome.status > outcome.status { outcome = hookOutcome }
        }
        return (outcome, Self.seconds(since: clock))
    }

    /// Runs a step or hook body on the world, within the timeout, and says how it ended.
    private func invoke(
        world: inout W, timeout: Duration?, location: SourceReference,
        _ body: @escaping @Sendable (inout W) async throws -> Void
    ) async -> Outcome {
        guard let timeout else {
            do {
                try await body(&world)
                return Outcome(status: .passed)
            } catch {
                return Self.outcome(of: error, at: location)
            }
        }
        let start = world
        let result = await withStepTimeout(timeout) {
            var copy = start
            try await body(&copy)
            return copy
        }
        switch result {
        case .success(let changed)?:
            world = changed
            return Outcome(status: .passed)
        case .failure(let error)?:
            return Self.outcome(of: error, at: location)
        case nil:
            return Outcome(
                status: .failed,
                error: StepError(
                    message: "timed out after \(Self.describe(timeout))", type: "StepTimeout",
                    definitionLocation: location))
        }
    }

    private static func outcome(of error: any Error, at location: SourceReference) -> Outcome {
        switch error {
        case let pending as PendingStep:
            return Outcome(
                status: .pending,
                error: StepError(message: pending.message, type: "PendingStep", definitionLocation: location))
        case let skip as SkipScenario:
            // The reason is reported, as Cucumber reports a skipped exception's message.
            return Outcome(
                status: .skipped,
                error: StepError(message: skip.reason, type: "SkipScenario", definitionLocation: location))
        default:
            return Outcome(
                status: .failed,
                error: StepError(message: "\(error)", type: "\(type(of: error))", definitionLocation: location))
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> TimeInterval {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func hookName(_ kind: DefinitionInfo.Kind) -> String {
        switch kind {
        case .before: "Before"
        case .after: "After"
        case .beforeStep: "BeforeStep"
        case .afterStep: "AfterStep"
        case .beforeAll: "BeforeAll"
        case .afterAll: "AfterAll"
        case .cucumberExpression, .regularExpression: "Step"
        }
    }
}

extension ScenarioExecutor {
    /// `2.5 s`, `300 ms`.
    static func describe(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return seconds >= 1
            ? "\(seconds.formatted(.number.precision(.fractionLength(0...3)))) s" : "\(Int(seconds * 1000)) ms"
    }
}

extension MatchedArgument {
    /// What an argument matched, with the groups nested in it.
    init(_ argument: Argument) {
        self.init(
            value: argument.group.value, start: argument.group.start, parameterTypeName: argument.parameterType.name,
            children: argument.group.children.map(MatchedGroup.init))
    }
}

extension MatchedGroup {
    init(_ group: Group) {
        self.init(value: group.value, start: group.start, children: group.children.map(MatchedGroup.init))
    }
}
