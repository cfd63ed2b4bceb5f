import FeatureRunner
import Foundation
import Synchronization
import Testing

/// `--retry`, `--parallel`, `--dry-run` and step timeouts.
@Suite struct RetryAndParallelTests {
    @Test func aFlakyScenarioPassesOnRetryWithAFreshWorld() async throws {
        let attempts = Mutex(0)
        let journal = Journal()
        var steps = StepLibrary<CounterWorld>()
        steps.given("a flaky step") { world, _ in
            world.count += 1
            journal.note("count \(world.count)")
            let attempt = attempts.withLock { value -> Int in
                value += 1
                return value
            }
            if attempt < 2 { throw StepFailure("flaked") }
        }
        let fixture = try FeatureFixture(["f.feature": "Feature: f\n  Scenario: flaky\n    Given a flaky step\n"])
        let result = try await fixture.run(steps, options: ExecutionOptions(retry: 3))
        let testCase = result.testCases[0]
        #expect(testCase.attempts.map(\.status) == [.failed, .passed])
        #expect(testCase.attempts.map(\.willBeRetried) == [true, false])
        #expect(testCase.attempts.map(\.attempt) == [0, 1])
        #expect(testCase.status == .passed)
        #expect(testCase.isFlaky)
        #expect(result.success)
        // Each attempt began with a new world.
        #expect(journal.all == ["count 1", "count 1"])
        #expect(ConsoleText.summary(result).contains("1 flaky"))
        let messages = String(decoding: MessageFormat(version: "test").render(result), as: UTF8.self)
        #expect(messages.contains(#""willBeRetried":true"#))
        #expect(messages.contains(#""attempt":1"#))
    }

    @Test func theLastAttemptCounts() async throws {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a broken step") { _, _ in throw StepFailure("broken") }
        steps.given("an undefined-free pending step") { _, _ in throw PendingStep() }
        let fixture = try FeatureFixture([
            "f.feature":
                "Feature: f\n  Scenario: broken\n    Given a broken step\n  Scenario: pending\n    Given an undefined-free pending step\n"
        ])
        let result = try await fixture.run(steps, options: ExecutionOptions(retry: 2))
        #expect(result.testCases[0].attempts.count == 3)
        #expect(result.testCases[0].status == .failed)
        #expect(!result.testCases[0].isFlaky)
        // Only failures are retried: a pending step will not pass by trying again.
        #expect(result.testCases[1].attempts.count == 1)
    }

    @Test func scenariosRunConcurrentlyAndResultsKeepTheirOrder() async throws {
        let running = Mutex((now: 0, most: 0))
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a slow step") { _, _ in
            running.withLock {
                $0.now += 1; $0.most = max($0.most, $0.now)
            }
            try await Task.sleep(for: .milliseconds(150))
            running.withLock { $0.now -= 1 }
        }
        let scenarios = (1...8).map { "  Scenario: s\($0)\n    Given a slow step\n" }.joined()
        let fixture = try FeatureFixture(["p.feature": "Feature: p\n" + scenarios])
        let result = try await fixture.run(steps, options: ExecutionOptions(parallel: 4))
        #expect(result.names == (1...8).map { "s\($0)" })
        #expect(result.success)
        // Four at once, never more.
        #expect(running.withLock { $0.most } == 4)
        #expect(Set(result.testCases.map(\.finalAttempt.worker)) == [0, 1, 2, 3])
    }

    @Test func aDryRunMatchesWithoutRunning() async throws {
        let journal = Journal()
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a step") { _, _ in journal.note("ran") }
        steps.before { _, _ in journal.note("hook") }
        steps.beforeAll { journal.note("before all") }
        let fixture = try FeatureFixture([
            "d.feature": "Feature: d\n  Scenario: s\n    Given a step\n    And an undefined step\n"
        ])
        let result = try await fixture.run(steps, options: ExecutionOptions(dryRun: true))
        #expect(journal.all.isEmpty)
        #expect(result.stepStatuses("s") == [.skipped, .skipped, .undefined])
        #expect(result.dryRun)
    }

    @Test func aStepThatTakesTooLongFailsAndTheRunGoesOn() async throws {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a stuck step") { _, _ in try await Task.sleep(for: .seconds(30)) }
        steps.given("a step that ignores cancellation") { _, _ in
            // Waits for something that does not listen to cancellation.
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(20)) { continuation.resume() }
            }
        }
        // Its own long timeout: on a machine starved by other suites even a no-op step can wait seconds for a thread.
        steps.given("a quick step", timeout: .seconds(60)) { _, _ in }
        steps.given("a step with its own timeout", timeout: .milliseconds(50)) { _, _ in
            try await Task.sleep(for: .seconds(30))
        }
        let fixture = try FeatureFixture([
            "t.feature": """
            Feature: t
              Scenario: stuck
                Given a stuck step
              Scenario: stubborn
                Given a step that ignores cancellation
              Scenario: quick
                Given a quick step
              Scenario: own timeout
                Given a step with its own timeout
            """
        ])
        // Had a timeout not fired, the stuck steps would have passed after 30 s.
        let result = try await fixture.run(
            steps, options: ExecutionOptions(stepTimeout: .seconds(2), parallel: 4))
        #expect(result.statuses == ["stuck": .failed, "stubborn": .failed, "quick": .passed, "own timeout": .failed])
        #expect(result.testCases[0].finalAttempt.steps[0].error?.message == "timed out after 2 s")
        #expect(result.testCases[3].finalAttempt.steps[0].error?.message == "timed out after 50 ms")
    }
}
