import CucumberExpressions

/// How a step definition matches text.
public enum StepPattern: Sendable, Hashable {
    /// A Cucumber Expression (`I have {int} cukes`).
    case cucumberExpression(String)
    /// A regular expression (`^I have (\d+) cukes$`).
    case regularExpression(String)

    /// The expression's or regular expression's text.
    public var source: String {
        switch self {
        case .cucumberExpression(let source), .regularExpression(let source): source
        }
    }
}

/// A step definition: a pattern and the code it runs.
public struct StepDefinition<W: World>: Sendable {
    public typealias Body = @Sendable (inout W, StepCall) async throws -> Void

    public let pattern: StepPattern
    public let location: SourceReference
    /// Overrides the run's step timeout for this step.
    public let timeout: Duration?
    /// What the step does, in one line (`brickyard steps` lists it).
    public var summary: String?
    /// A step text that matches, as a feature would write it.
    public var example: String?
    let body: Body
    /// What the step is about (`S3`, `IAM and STS`), for step listings grouped by service.
    public var group: String? = nil
}

/// When a hook runs.
public enum HookKind: Sendable, Hashable {
    case beforeAll, afterAll, before, after, beforeStep, afterStep

    var definitionKind: DefinitionInfo.Kind {
        switch self {
        case .beforeAll: .beforeAll
        case .afterAll: .afterAll
        case .before: .before
        case .after: .after
        case .beforeStep: .beforeStep
        case .afterStep: .afterStep
        }
    }
}

/// A hook: code run around the run, each scenario or each step, for scenarios whose tags match.
public struct Hook<W: World>: Sendable {
    public typealias ScenarioBody = @Sendable (inout W, ScenarioInfo) async throws -> Void
    public typealias StepBody = @Sendable (inout W, StepInfo) async throws -> Void
    public typealias RunBody = @Sendable () async throws -> Void
    /// A BeforeAll / AfterAll body that attaches to the reports.
    public typealias RunHookBody = @Sendable (RunHookInfo) async throws -> Void

    enum Body: Sendable {
        case scenario(ScenarioBody)
        case step(StepBody)
        case run(RunHookBody)
    }

    public let kind: HookKind
    /// A tag expression; empty for every scenario.
    public let tags: String
    public let name: String?
    public let location: SourceReference
    let body: Body
}

/// The step a BeforeStep / AfterStep hook runs around.
public struct StepInfo: Sendable {
    public let text: String
    public let scenario: ScenarioInfo
    /// Set for AfterStep hooks.
    public let status: Status?
}
