import Foundation
import Gherkin

/// Everything a run produced: the one model every report is derived from.
public struct RunResult: Sendable, Codable {
    /// The feature files that were read, parsed or not, in the order they were given.
    public var sources: [FeatureSource]
    /// The test cases, one per selected pickle, in execution order of selection (not of completion).
    public var testCases: [TestCaseResult]
    /// The step definitions and hooks the run knew, for reports that link to them.
    public var stepDefinitions: [DefinitionInfo]
    public var hooks: [DefinitionInfo]
    /// The custom parameter types the run knew; `nil` when not known (results merged, or written before they were
    /// kept).
    public var parameterTypes: [ParameterTypeInfo]?
    /// Output of BeforeAll / AfterAll hooks that failed.
    public var runHookFailures: [StepResult]
    /// Every BeforeAll / AfterAll hook that ran, in the order it ran, passed or not; `nil` when not known (results
    /// merged from shards or workers, or written before they were kept).
    public var runHooks: [StepResult]?
    public var startedAt: Date
    public var finishedAt: Date
    public var dryRun: Bool

    public init(
        sources: [FeatureSource], testCases: [TestCaseResult], stepDefinitions: [DefinitionInfo],
        hooks: [DefinitionInfo], runHookFailures: [StepResult], startedAt: Date, finishedAt: Date, dryRun: Bool
    ) {
        self.sources = sources
        self.testCases = testCases
        self.stepDefinitions = stepDefinitions
        self.hooks = hooks
        self.runHookFailures = runHookFailures
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.dryRun = dryRun
    }

    /// Whether the run passed: every test case passed or was skipped, no file failed to parse, no run hook failed.
    public var success: Bool {
        sources.allSatisfy { $0.document != nil } && runHookFailures.isEmpty
            && testCases.allSatisfy { !$0.status.failsRun }
    }

    /// The run's duration.
    public var duration: TimeInterval { finishedAt.timeIntervalSince(startedAt) }

    /// How many test cases ended in each status.
    public var testCaseCounts: [Status: Int] {
        testCases.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
    }

    /// Passed test cases among those that were not skipped, 0 to 1 (1 when every one was skipped).
    public var passRate: Double {
        let counts = testCaseCounts
        let considered = testCases.count - (counts[.skipped] ?? 0)
        return considered > 0 ? Double(counts[.passed] ?? 0) / Double(considered) : 1
    }

    /// Test cases that passed on a retry.
    public var flakyCount: Int { testCases.filter(\.isFlaky).count }

    /// How many steps of the final attempts ended in each status (hooks not counted).
    public var stepCounts: [Status: Int] {
        testCases.reduce(into: [:]) { counts, testCase in
            for step in testCase.finalAttempt.steps where step.kind.isStep { counts[step.status, default: 0] += 1 }
        }
    }
}

/// A feature file as read: its text, and its document or parse errors.
public struct FeatureSource: Sendable, Codable {
    public var uri: String
    public var data: String
    public var document: GherkinDocument?
    public var errors: [GherkinParseError]
    public var pickles: [Pickle]

    public init(uri: String, data: String, document: GherkinDocument?, errors: [GherkinParseError], pickles: [Pickle]) {
        self.uri = uri
        self.data = data
        self.document = document
        self.errors = errors
        self.pickles = pickles
    }
}

/// A step definition or hook as reports name it: its id, what it matches, where it is written.
public struct DefinitionInfo: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case cucumberExpression, regularExpression
        case beforeAll, afterAll, before, after, beforeStep, afterStep
    }

    public var id: String
    public var kind: Kind
    /// The expression, or the hook's tag expression (empty for all).
    public var pattern: String
    /// The hook's name, if it has one.
    public var name: String?
    public var location: SourceReference

    public init(id: String, kind: Kind, pattern: String, name: String? = nil, location: SourceReference) {
        self.id = id
        self.kind = kind
        self.pattern = pattern
        self.name = name
        self.location = location
    }
}

/// A custom parameter type as reports name it: its id, name and regular expressions, where it is defined.
public struct ParameterTypeInfo: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var regularExpressions: [String]
    public var preferForRegularExpressionMatch: Bool
    public var useForSnippets: Bool
    public var location: SourceReference?

    public init(
        id: String, name: String, regularExpressions: [String], preferForRegularExpressionMatch: Bool,
        useForSnippets: Bool, location: SourceReference?
    ) {
        self.id = id
        self.name = name
        self.regularExpressions = regularExpressions
        self.preferForRegularExpressionMatch = preferForRegularExpressionMatch
        self.useForSnippets = useForSnippets
        self.location = location
    }
}

/// Where in Swift code something is written.
public struct SourceReference: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}
