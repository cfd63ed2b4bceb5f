import Foundation
import Gherkin

/// A run of features against a step library: select, plan, execute, and keep every result in one ``RunResult``.
///
/// ```swift
/// let run = try FeatureRun(library: steps, targets: ["features/"])
/// let result = await run.execute()
/// ```
public struct FeatureRun<W: World>: Sendable {
    /// The files read (parsed or not).
    public let sources: [FeatureSource]
    /// The pickles selected, in file order.
    public let pickles: [Pickle]
    public let options: ExecutionOptions
    /// Values every report of the run masks (steps add them with ``StepCall/redact(_:)``).
    public let secrets = SecretValues()
    let library: PreparedLibrary<W>
    let testCases: [PlannedTestCase<W>]

    /// Loads, parses and selects.
    /// - Parameters:
    ///   - targets: paths, `path:LINE...` and `@rerun` files.
    /// - Throws: ``SelectionError`` for usage errors (exit 2): a missing path, a line that selects nothing, an
    ///   expression that does not compile, a bad name pattern. Files that do not parse are not thrown: they are in
    ///   ``sources`` with their errors, and the run executes nothing.
    public init(
        library: StepLibrary<W>, targets: [String], filter: ScenarioFilter = ScenarioFilter(),
        options: ExecutionOptions = ExecutionOptions(), loader: FeatureLoader = FeatureLoader()
    ) throws(SelectionError) {
        var parsedTargets: [FeatureTarget] = []
        for target in targets { parsedTargets += try FeatureTarget.parse(target) }
        var byFile: [String: [FeatureTarget]] = [:]
        var files: [String] = []
        for target in parsedTargets {
            for file in try loader.files(at: target.path) {
                if byFile[file] == nil { files.append(file) }
                byFile[file, default: []].append(FeatureTarget(path: file, lines: target.lines))
            }
        }
        var ids = IdGenerator()
        var sources: [FeatureSource] = []
        for file in files { sources.append(try loader.load(file, ids: &ids)) }
        let library = try PreparedLibrary(library, ids: &ids)
        let pickles = sources.contains { $0.document == nil } ? [] : try filter.select(sources, targets: byFile)
        let planner = TestPlanner(library: library, index: GherkinIndex(documents: sources.compactMap(\.document)))
        var testCases: [PlannedTestCase<W>] = []
        for pickle in pickles { testCases.append(planner.plan(pickle, ids: &ids)) }
        self.sources = sources
        self.pickles = pickles
        self.options = options
        self.library = library
        self.testCases = testCases
    }

    /// Whether every file parsed (when not, ``execute(listener:)`` runs nothing and the run fails).
    public var parsed: Bool { sources.allSatisfy { $0.document != nil } }

    /// Runs the selected test cases (none if a file did not parse): BeforeAll hooks, the test cases (`parallel` at
    /// once, each retried up to `retry` times with a fresh world), AfterAll hooks.
    public func execute(listener: (any RunListener)? = nil) async -> RunResult {
        await execute(only: nil, listener: listener)
    }

    /// Runs some of the selected test cases (by their index in ``pickles``), or all when `indexes` is `nil`.
    /// - Parameter firstAttempts: for test cases whose earlier attempts ran elsewhere (a worker that crashed), the
    ///   number of their next attempt.
    func execute(
        only indexes: [Int]?, parallel: Int? = nil, firstAttempts: [Int: Int] = [:], listener: (any RunListener)?
    ) async -> RunResult {
        let startedAt = Date()
        // A worker keeps the order its supervisor chose; a run of its own arranges every test case.
        let chosen = (indexes ?? options.order.arrange(Array(testCases.indices))).filter { testCases.indices.contains($0) }
        listener?.runStarted(testCases: parsed ? chosen.count : 0, sources: sources)
        var hookResults: [StepResult] = []
        var results: [TestCaseResult] = []
        if parsed {
            hookResults += await runHooks(.beforeAll)
            if hookResults.allSatisfy({ $0.status == .passed }) {
                results = await runTestCases(
                    chosen, parallel: parallel ?? options.parallel, firstAttempts: firstAttempts, listener: listener)
            }
            hookResults += await runHooks(.afterAll)
        }
        var result = makeResult(
            testCases: results, runHookFailures: hookResults.filter { $0.status != .passed }, startedAt: startedAt)
        result.runHooks = hookResults
        listener?.runFinished(result)
        return result
    }

    func makeResult(testCases results: [TestCaseResult], runHookFailures: [StepResult], startedAt: Date) -> RunResult {
        var result = RunResult(
            sources: sources, testCases: results, stepDefinitions: library.definitions.map(\.info),
            hooks: library.hooks.map(\.info), runHookFailures: runHookFailures, startedAt: startedAt,
            finishedAt: Date(), dryRun: options.dryRun)
        result.parameterTypes = library.parameterTypes
        return result
    }

    /// Runs every BeforeAll or AfterAll hook, even after one failed; AfterAll hooks in the reverse order of their
    /// registration, as Cucumber runs them (and After hooks).
    private func runHooks(_ kind: HookKind) async -> [StepResult] {
        guard !options.dryRun else { return [] }
        var results: [StepResult] = []
        let hooks = library.hooks.filter { $0.hook.kind == kind }
        for hook in kind == .afterAll ? hooks.reversed() : hooks {
            guard case .run(let body) = hook.hook.body else { continue }
            var result = StepResult(
                id: hook.info.id, kind: .hook(hook.info.kind, definitionId: hook.info.id), keyword: "",
                text: hook.info.name ?? ScenarioExecutor<W>.hookName(hook.info.kind), location: nil, argument: nil,
                definitions: [hook.info], status: .passed)
            let clock = ContinuousClock.now
            let recorder = AttachmentRecorder()
            do {
                try await body(RunHookInfo(recorder: recorder))
            } catch {
                result.status = .failed
                result.error = StepError(
                    message: "\(error)", type: "\(type(of: error))", definitionLocation: hook.info.location)
            }
            result.duration = ScenarioExecutor<W>.seconds(since: clock)
            result.attachments = recorder.drain()
            results.append(result)
        }
        return results
    }

    /// Runs one test case to its last attempt.
    private func runTestCase(
        _ index: Int, firstAttempt: Int, worker: Int, listener: (any RunListener)?
    ) async
        -> TestCaseResult
    {
        let testCase = testCases[index]
        let executor = ScenarioExecutor<W>(options: options, secrets: secrets)
        var attempts: [AttemptResult] = []
        for attempt in min(firstAttempt, options.retry)...max(0, options.retry) {
            listener?.testCaseStarted(testCase.pickle, attempt: attempt, worker: worker)
            var result = await executor.run(
                testCase, attempt: attempt, attemptId: "\(testCase.id).\(attempt)", worker: worker,
                willBeRetried: false,
                listener: listener)
            let retry = result.status == .failed && attempt < options.retry && !options.dryRun
            result.willBeRetried = retry
            listener?.testCaseFinished(testCase.pickle, attempt: result)
            attempts.append(result)
            if !retry { break }
        }
        return TestCaseResult(id: testCase.id, pickle: testCase.pickle, attempts: attempts)
    }

    /// The result of a test case not started because an earlier one failed under `failFast`: every step skipped.
    func notStartedResult(_ index: Int) -> TestCaseResult {
        let testCase = testCases[index]
        let now = Date()
        let attempt = AttemptResult(
            attempt: 0, id: "\(testCase.id).0", steps: testCase.steps.map(\.skippedResult), startedAt: now,
            finishedAt: now, willBeRetried: false, worker: 0)
        return TestCaseResult(id: testCase.id, pickle: testCase.pickle, attempts: [attempt])
    }

    /// Reports and returns ``notStartedResult(_:)``.
    func skipNotStarted(_ index: Int, listener: (any RunListener)?) -> TestCaseResult {
        let result = notStartedResult(index)
        listener?.testCaseStarted(result.pickle, attempt: 0, worker: 0)
        listener?.testCaseFinished(result.pickle, attempt: result.finalAttempt)
        return result
    }

    private func runTestCases(
        _ indexes: [Int], parallel: Int, firstAttempts: [Int: Int], listener: (any RunListener)?
    ) async -> [TestCaseResult] {
        let parallel = max(1, parallel)
        if parallel == 1 {
            var results: [TestCaseResult] = []
            results.reserveCapacity(indexes.count)
            var failed = false
            for index in indexes {
                if failed && options.failFast {
                    results.append(skipNotStarted(index, listener: listener))
                    continue
                }
                let result = await runTestCase(
                    index, firstAttempt: firstAttempts[index] ?? 0, worker: 0, listener: listener)
                failed = failed || result.status.failsRun
                results.append(result)
            }
            return results
        }
        return await withTaskGroup(of: (Int, Int, TestCaseResult).self) { group in
            var results = [TestCaseResult?](repeating: nil, count: indexes.count)
            var next = 0
            func start(worker: Int) {
                let position = next
                next += 1
                let index = indexes[position]
                let first = firstAttempts[index] ?? 0
                group.addTask {
                    (position, worker, await runTestCase(index, firstAttempt: first, worker: worker, listener: listener))
                }
            }
            for worker in 0..<min(parallel, indexes.count) { start(worker: worker) }
            var failed = false
            while let (position, worker, result) = await group.next() {
                results[position] = result
                failed = failed || result.status.failsRun
                if next < indexes.count && !(failed && options.failFast) { start(worker: worker) }
            }
            // Under failFast, what was never started is reported skipped.
            for position in results.indices where results[position] == nil {
                results[position] = skipNotStarted(indexes[position], listener: listener)
            }
            return results.compactMap { $0 }
        }
    }
}
