import FeatureRunner
import Foundation
import Testing

/// The step library a test target's features run with, for Swift Testing.
///
/// Declare it once in the test target, and apply the `BrickyardFeatures` plugin to the target: every scenario of the
/// target's `.feature` files becomes its own test (`swift test --filter "Shop/checkout"` runs one):
///
/// ```swift
/// // Package.swift
/// .testTarget(name: "ShopTests", dependencies: [.product(name: "BrickyardTesting", package: "Brickyard")],
///             plugins: [.plugin(name: "BrickyardFeatures", package: "Brickyard")])
///
/// // Tests/ShopTests/Features.swift
/// import BrickyardTesting
///
/// struct Features: FeatureSuite {
///     static var steps: StepLibrary<ShopWorld> {
///         var steps = StepLibrary<ShopWorld>()
///         steps.given("a cart with {int} items") { world, step in world.items = try step.argument(0) }
///         return steps
///     }
/// }
/// ```
///
/// Without the plugin, one parameterized test runs them all, each scenario a test case of its own:
///
/// ```swift
/// @Test(arguments: FeatureScenario.all(in: "Features"))
/// func scenario(_ scenario: FeatureScenario) async { await Features.run(scenario) }
/// ```
public protocol FeatureSuite {
    associatedtype StepWorld: World
    /// The steps, hooks and parameter types.
    static var steps: StepLibrary<StepWorld> { get }
    /// Retries, timeouts... (`parallel` is Swift Testing's business here: each scenario is a test).
    static var options: ExecutionOptions { get }
    /// What replays one scenario of a parameterized test when followed by its `path:line`
    /// (`swift run brickyard run` for the provisioning library); `nil`: `swift test --filter` with the test's id.
    static var replayCommand: String? { get }
}

extension FeatureSuite {
    public static var options: ExecutionOptions { ExecutionOptions() }
    public static var replayCommand: String? { nil }

    /// How a failing scenario of the current test is run again: `swift test --filter ID` for a test of its own (the
    /// plugin's), ``replayCommand`` and the scenario's `path:line` in a parameterized test.
    static var replay: ConsoleCommands {
        guard let test = Test.current else { return ConsoleCommands(replay: replayCommand) }
        if test.isParameterized, let replayCommand { return ConsoleCommands(replay: replayCommand) }
        return ConsoleCommands(
            replay: "swift test --filter \(ShellQuoting.quote(FeatureIssues.filter(for: test)))",
            replayTakesLocation: false)
    }

    /// Runs the scenarios at `line` of a feature file (every row of an outline), recording an issue, at the failing
    /// step's line in the feature file, for each that does not pass.
    public static func run(_ path: String, line: Int) async {
        await run(targets: ["\(path):\(line)"])
    }

    /// Runs one scenario of ``FeatureScenario/all(in:filePath:)``.
    public static func run(_ scenario: FeatureScenario) async {
        await run(targets: ["\(scenario.path):\(scenario.line)"])
    }

    /// Runs every scenario of the targets (files, directories, `path:line`) as one test.
    public static func run(targets: [String]) async {
        let run: FeatureRun<StepWorld>
        do {
            run = try FeatureRun(library: steps, targets: targets, options: options)
        } catch {
            Issue.record(Comment(rawValue: "brickyard: \(error.message)"))
            return
        }
        FeatureIssues.record(await run.execute(), secrets: run.secrets, commands: replay)
    }
}

/// Turns a run's problems into Swift Testing issues located in the feature files.
public enum FeatureIssues {
    /// Records an issue for every parse error, failed run hook, and test case that did not pass (the run's secret
    /// values masked).
    public static func record(
        _ result: RunResult, secrets: SecretValues = SecretValues(), commands: ConsoleCommands = .init()
    ) {
        for source in result.sources {
            for error in source.errors {
                Issue.record(
                    Comment(rawValue: "\(source.uri):\(error.location): \(error.message)"),
                    sourceLocation: location(source.uri, line: error.location.line, column: error.location.column ?? 1))
            }
        }
        for hook in result.runHookFailures {
            Issue.record(Comment(rawValue: "\(hook.text) hook failed: \(hook.error?.message ?? "")"))
        }
        for testCase in result.testCases where testCase.status.failsRun {
            let attempt = testCase.finalAttempt
            let problem = attempt.firstProblem
            let line = problem?.location?.line ?? testCase.pickle.location?.line ?? 1
            var text = ConsoleText.failure(testCase, attempt: attempt, commands: commands)
            if let snippet = problem?.snippet { text += "\nImplement it with:\n\(snippet)" }
            Issue.record(
                Comment(rawValue: secrets.mask(text)),
                sourceLocation: location(testCase.pickle.uri, line: line, column: 1))
        }
    }

    /// A `swift test --filter` pattern that selects this test alone: its id with the regular expression's special
    /// characters escaped (`Features.Checkout/pays_12\(\)`).
    static func filter(for test: Test) -> String {
        var id = String(describing: test.id)
        // The id of a function ends with its source location (`/Checkout.swift:12:6`), which edits move.
        if let slash = id.lastIndex(of: "/"), id[slash...].contains(".swift:") { id = String(id[..<slash]) }
        var escaped = ""
        for character in id {
            if "\\^$.|?*+()[]{}".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    static func location(_ path: String, line: Int, column: Int) -> SourceLocation {
        let name = URL(fileURLWithPath: path).lastPathComponent
        return SourceLocation(fileID: "Features/\(name)", filePath: path, line: max(1, line), column: max(1, column))
    }
}
