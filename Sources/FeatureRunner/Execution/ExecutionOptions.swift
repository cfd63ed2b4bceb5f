/// How scenarios are executed.
public struct ExecutionOptions: Sendable {
    /// Match steps without running them or any hook.
    public var dryRun: Bool
    /// The longest a step (or hook) may take; a step definition's own timeout wins.
    public var stepTimeout: Duration?
    /// How many more attempts a failing scenario gets, each with a fresh world; the last one counts.
    public var retry: Int
    /// How many scenarios run at once.
    public var parallel: Int
    /// The order scenarios start in.
    public var order: ExecutionOrder
    /// Start no scenario after one has failed: those not started are reported skipped, so every selected scenario
    /// still has its result.
    public var failFast: Bool

    public init(
        dryRun: Bool = false, stepTimeout: Duration? = nil, retry: Int = 0, parallel: Int = 1,
        order: ExecutionOrder = .defined, failFast: Bool = false
    ) {
        self.dryRun = dryRun
        self.stepTimeout = stepTimeout
        self.retry = retry
        self.parallel = parallel
        self.order = order
        self.failFast = failFast
    }
}
