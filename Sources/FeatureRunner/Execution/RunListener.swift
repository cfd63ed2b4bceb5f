import Gherkin

/// Hears a run as it goes: the live progress on the console is one. Called from the tasks that run scenarios, so an
/// implementation must be safe to call concurrently.
public protocol RunListener: Sendable {
    func runStarted(testCases: Int, sources: [FeatureSource])
    func testCaseStarted(_ pickle: Pickle, attempt: Int, worker: Int)
    func stepFinished(_ step: StepResult, in pickle: Pickle, attempt: Int)
    func testCaseFinished(_ pickle: Pickle, attempt: AttemptResult)
    func runFinished(_ result: RunResult)
}

extension RunListener {
    public func runStarted(testCases: Int, sources: [FeatureSource]) {}
    public func testCaseStarted(_ pickle: Pickle, attempt: Int, worker: Int) {}
    public func stepFinished(_ step: StepResult, in pickle: Pickle, attempt: Int) {}
    public func testCaseFinished(_ pickle: Pickle, attempt: AttemptResult) {}
    public func runFinished(_ result: RunResult) {}
}

/// Several listeners as one (`--format progress --format pretty:run.txt`).
public struct RunListenerGroup: RunListener {
    public var listeners: [any RunListener]

    public init(_ listeners: [any RunListener]) {
        self.listeners = listeners
    }

    public func runStarted(testCases: Int, sources: [FeatureSource]) {
        for listener in listeners { listener.runStarted(testCases: testCases, sources: sources) }
    }

    public func testCaseStarted(_ pickle: Pickle, attempt: Int, worker: Int) {
        for listener in listeners { listener.testCaseStarted(pickle, attempt: attempt, worker: worker) }
    }

    public func stepFinished(_ step: StepResult, in pickle: Pickle, attempt: Int) {
        for listener in listeners { listener.stepFinished(step, in: pickle, attempt: attempt) }
    }

    public func testCaseFinished(_ pickle: Pickle, attempt: AttemptResult) {
        for listener in listeners { listener.testCaseFinished(pickle, attempt: attempt) }
    }

    public func runFinished(_ result: RunResult) {
        for listener in listeners { listener.runFinished(result) }
    }
}
