import Foundation
import Gherkin
import Synchronization

/// What the supervisor has heard of each test case, shared with the thread reading the worker.
private final class SupervisorState: Sendable {
    struct Progress: Sendable {
        var finished: [Int: TestCaseResult] = [:]
        /// Finished attempts of test cases still running.
        var attempts: [Int: [AttemptResult]] = [:]
        /// The steps of each running attempt so far, with its number and worker.
        var running: [Int: (attempt: Int, worker: Int, startedAt: Date, steps: [StepResult])] = [:]
        var runHookFailures: [StepResult] = []
        /// Why the worker's frames could not be read, when they could not.
        var protocolFailure: String?
    }

    private let progress = Mutex(Progress())

    func withLock<T: Sendable>(_ body: (inout Progress) -> T) -> T { progress.withLock { body(&$0) } }
}

extension FeatureRun {
    /// Runs the test cases in worker processes (`command` started again with the cases to run), so that a step that
    /// crashes its process (a trap, a fatal error) fails that step only: the supervisor reports it and starts a new
    /// worker for the rest. With `parallel` above 1 the scenarios running when a worker dies are run again one at a
    /// time, to find the one that crashed. BeforeAll and AfterAll hooks run in every worker.
    public func execute(isolatedIn command: WorkerCommand, listener: (any RunListener)? = nil) async -> RunResult {
        guard parsed, !options.dryRun else { return await execute(listener: listener) }
        let startedAt = Date()
        listener?.runStarted(testCases: testCases.count, sources: sources)
        let progress = SupervisorState()
        var pending = options.order.arrange(Array(testCases.indices))
        var parallel = max(1, options.parallel)
        var firstAttempts: [Int: Int] = [:]
        let worker = WorkerProcess(command: command)
        var interrupted = false
        while !pending.isEmpty {
            if options.failFast, progress.withLock({ $0.finished.values.contains { $0.status.failsRun } }) {
                // A scenario failed (in a worker that went on, or in a crash): start no other.
                for index in pending {
                    let result = skipNotStarted(index, listener: listener)
                    progress.withLock { $0.finished[index] = result }
                }
                break
            }
            let exit = await worker.run(cases: pending, parallel: parallel, firstAttempts: firstAttempts) { event in
                self.record(event, in: progress, listener: listener)
            }
            let (finished, running, hookFailures, unreadable) = progress.withLock {
                ($0.finished, $0.running, $0.runHookFailures, $0.protocolFailure)
            }
            pending.removeAll { finished[$0] != nil }
            // What a worker that could not be understood did after that point is unknown: what is left is reported
            // below as unreported, not run again.
            if !hookFailures.isEmpty || unreadable != nil || pending.isEmpty { break }
            // Interrupted (Ctrl-C): the worker tore down what it could and stopped; start no other.
            if exit == .exited(WorkerCommand.interruptedStatus) || exit == .signal(SIGINT) {
                interrupted = true
                break
            }
            let crashed = running.keys.sorted()
            if crashed.count == 1 || (parallel == 1 && !crashed.isEmpty) {
                let index = crashed[0]
                let ending = exit.isSignal ? "crashed" : "ended"
                var result = crashResult(
                    index, message: "the process \(ending) in this step (\(Self.describe(exit)))", progress: progress)
                let retried = result.finalAttempt.attempt < options.retry
                result.attempts[result.attempts.count - 1].willBeRetried = retried
                listener?.testCaseFinished(testCases[index].pickle, attempt: result.finalAttempt)
                progress.withLock { state in
                    state.running[index] = nil
                    if retried {
                        // Its next attempt runs in the next worker; the attempts so far are kept here.
                        state.attempts[index] = result.attempts
                    } else {
                        state.finished[index] = result
                        state.attempts[index] = nil
                    }
                }
                if retried {
                    firstAttempts[index] = result.finalAttempt.attempt + 1
                } else {
                    pending.removeAll { $0 == index }
                }
            } else if !crashed.isEmpty {
                // Several were running: run them again one at a time to find the one that crashes.
                progress.withLock { state in
                    for index in crashed {
                        state.running[index] = nil
                        state.attempts[index] = nil
                    }
                }
                pending = crashed + pending.filter { !crashed.contains($0) }
                parallel = 1
            } else {
                progress.withLock {
                    $0.runHookFailures.append(workerFailure(exit))
                }
                break
            }
        }
        let results = testCases.indices.map { index in
            if let result = progress.withLock({ $0.finished[index] }) { return result }
            // Every planned test case gets a result: one no worker reported on failed.
            let reason = progress.withLock { $0.protocolFailure.map { " (its report could not be read: \($0))" } }
            let message =
                interrupted
                ? "the run was interrupted before this scenario finished"
                : "the worker ended without reporting this scenario\(reason ?? "")"
            let result = crashResult(index, message: message, progress: progress)
            listener?.testCaseFinished(testCases[index].pickle, attempt: result.finalAttempt)
            return result
        }
        let hookFailures = progress.withLock { $0.runHookFailures }
        let result = makeResult(testCases: results, runHookFailures: hookFailures, startedAt: startedAt)
        listener?.runFinished(result)
        return result
    }

    private func record(_ event: WorkerEvent, in progress: SupervisorState, listener: (any RunListener)?) {
        switch event {
        case .started(let index, let attempt, let worker):
            guard testCases.indices.contains(index) else { return }
            progress.withLock { $0.running[index] = (attempt, worker, Date(), []) }
            listener?.testCaseStarted(testCases[index].pickle, attempt: attempt, worker: worker)
        case .step(let index, let attempt, let result):
            guard testCases.indices.contains(index) else { return }
            progress.withLock { $0.running[index]?.steps.append(result) }
            listener?.stepFinished(result, in: testCases[index].pickle, attempt: attempt)
        case .attempt(let index, let result):
            guard testCases.indices.contains(index) else { return }
            let testCase = testCases[index]
            progress.withLock { state in
                state.attempts[index, default: []].append(result)
                state.running[index] = nil
                if !result.willBeRetried {
                    state.finished[index] = TestCaseResult(
                        id: testCase.id, pickle: testCase.pickle, attempts: state.attempts[index] ?? [result])
                    state.attempts[index] = nil
                }
            }
            listener?.testCaseFinished(testCase.pickle, attempt: result)
        case .runHookFailure(let result):
            progress.withLock { $0.runHookFailures.append(result) }
        case .secret(let value):
            secrets.add(value)
        case .protocolFailure(let reason):
            progress.withLock { $0.protocolFailure = reason }
            FileHandle.standardError.write(Data("brickyard: a worker's report could not be read: \(reason)\n".utf8))
        }
    }

    /// The test case whose worker died in it (or never reported on it): its finished attempts, and the last one
    /// failed with `message` at the first step no event reported, or at an added step when every step was reported.
    private func crashResult(_ index: Int, message: String, progress: SupervisorState) -> TestCaseResult {
        let testCase = testCases[index]
        let (earlier, current) = progress.withLock { ($0.attempts[index] ?? [], $0.running[index]) }
        let failure = StepError(message: message, type: "Crash", definitionLocation: nil)
        var steps = current?.steps ?? []
        let reported = steps.count
        for planned in testCase.steps.dropFirst(reported) {
            var step = planned.skippedResult
            if steps.count == reported {
                step.status = .failed
                step.error = failure
                step.error?.definitionLocation = step.definitions.first?.location
            }
            steps.append(step)
        }
        if !steps.contains(where: { $0.status == .failed }) {
            // Every step was reported, yet the scenario never finished (or it has no steps): it failed after them.
            steps.append(Self.failedStep(failure))
        }
        let attempt = AttemptResult(
            attempt: current?.attempt ?? earlier.count, id: "\(testCase.id).\(current?.attempt ?? earlier.count)",
            steps: steps, startedAt: current?.startedAt ?? Date(), finishedAt: Date(), willBeRetried: false,
            worker: current?.worker ?? 0)
        return TestCaseResult(id: testCase.id, pickle: testCase.pickle, attempts: earlier + [attempt])
    }

    /// A failed step that stands for the worker process itself.
    private static func failedStep(_ error: StepError) -> StepResult {
        StepResult(
            id: "worker", kind: .hook(.after, definitionId: "worker"), keyword: "", text: "worker process",
            location: nil, argument: nil, status: .failed, error: error)
    }

    private func workerFailure(_ exit: WorkerProcess.Exit) -> StepResult {
        StepResult(
            id: "worker", kind: .hook(.beforeAll, definitionId: "worker"), keyword: "", text: "worker process",
            location: nil, argument: nil, status: .failed,
            error: StepError(
                message: "the worker process ended outside any scenario (\(Self.describe(exit)))", type: "Crash",
                definitionLocation: nil))
    }

    static func describe(_ exit: WorkerProcess.Exit) -> String {
        switch exit {
        case .signal(let signal): "signal \(signal)"
        case .exited(let status): "exit status \(status)"
        case .couldNotStart(let reason): "could not start: \(reason)"
        }
    }
}
