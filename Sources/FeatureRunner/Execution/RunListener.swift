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
