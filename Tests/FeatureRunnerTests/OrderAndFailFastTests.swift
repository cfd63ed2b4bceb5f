import FeatureRunner
import Foundation
import Testing

/// `--order` and `--fail-fast`, in process and in worker processes: every selected scenario still has exactly one
/// result.
@Suite struct OrderAndFailFastTests {
    static func feature(_ kinds: [String]) -> String {
        var text = "Feature: f\n"
        for (index, step) in kinds.enumerated() { text += "  Scenario: s\(index)\n    Given \(step)\n" }
        return text
    }

    @Test func aSeedGivesTheSameShuffledOrderEveryTime() async throws {
        let journal = Journal()
        var steps = StepLibrary<EmptyWorld>()
        steps.given("step {int}") { _, step in journal.note(String(try step.argument(0, as: Int.self))) }
        let features = try FeatureFixture(["o.feature": Self.feature((0..<12).map { "step \($0)" })])
        for order in [ExecutionOrder.random(seed: 42), .random(seed: 42), .defined] {
            _ = try await features.run(steps, options: ExecutionOptions(order: order))
        }
        let runs = stride(from: 0, to: 36, by: 12).map { Array(journal.all[$0..<$0 + 12]) }
        #expect(runs[0] == runs[1])
        #expect(runs[0] != runs[2])
        #expect(runs[0].sorted { Int($0)! < Int($1)! } == runs[2])
        #expect(runs[2] == (0..<12).map(String.init))
        #expect(ExecutionOrder("random:42") == .random(seed: 42))
        #expect(ExecutionOrder("random:x") == nil && ExecutionOrder("shuffled") == nil)
        #expect(ExecutionOrder.random(seed: 7).description == "random:7")
    }

    @Test(arguments: [1, 3])
    func failFastSkipsWhatWasNotStarted(parallel: Int) async throws {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a step") { _, _ in }
        steps.given("a step that fails") { _, _ in throw StepFailure("no") }
        let kinds = ["a step", "a step that fails"] + Array(repeating: "a step", count: 6)
        let features = try FeatureFixture(["f.feature": Self.feature(kinds)])
        let result = try await features.run(steps, options: ExecutionOptions(parallel: parallel, failFast: true))
        #expect(result.testCases.count == kinds.count)
        #expect(!result.success)
        #expect(result.statuses["s1"] == .failed)
        #expect(result.testCases.filter { $0.status == .skipped }.count >= kinds.count - 1 - parallel - 1)
        if parallel == 1 {
            #expect(result.testCases.map(\.status) == [.passed, .failed] + Array(repeating: .skipped, count: 6))
        }
    }

    /// In worker processes, also after a crash (decided by the supervisor, not the worker).
    @Test(arguments: ["a step that fails", "a step that crashes"])
    func failFastInWorkers(_ failing: String) async throws {
        try #require(FileManager.default.isExecutableFile(atPath: IsolationTests.fixture))
        let kinds = ["a step", failing, "a step", "a step", "a step"]
        let features = try FeatureFixture(["f.feature": Self.feature(kinds)])
        let resultPath = features.path("result.json")
        let (status, _) = try await runToEnd(
            IsolationTests.fixture,
            ["--fail-fast", "--order", "defined", "--format", "result:\(resultPath)", features.path()])
        #expect(status == 1)
        let result = try JSONDecoder().decode(RunResult.self, from: Data(contentsOf: URL(fileURLWithPath: resultPath)))
        #expect(result.testCases.map(\.status) == [.passed, .failed, .skipped, .skipped, .skipped])
    }

    @Test func aShuffledRunInWorkersRunsEveryScenarioOnce() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: IsolationTests.fixture))
        let kinds = Array(repeating: "a step", count: 9) + ["a step that crashes"]
        let features = try FeatureFixture(["f.feature": Self.feature(kinds)])
        let resultPath = features.path("result.json")
        let (status, _) = try await runToEnd(
            IsolationTests.fixture,
            ["--order", "random:3", "--parallel", "2", "--format", "result:\(resultPath)", features.path()])
        #expect(status == 1)
        let result = try JSONDecoder().decode(RunResult.self, from: Data(contentsOf: URL(fileURLWithPath: resultPath)))
        #expect(result.testCases.count == 10)
        #expect(result.testCases.filter { $0.status == .passed }.count == 9)
        #expect(Set(result.testCases.map(\.pickle.name)).count == 10)
    }
}
