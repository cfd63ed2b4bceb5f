import FeatureRunner
import Foundation
import Testing

/// Before/After hooks for the run, each scenario and each step, with tag filters.
@Suite struct HookTests {
    static let feature = """
        Feature: hooks
          @db
          Scenario: tagged
            Given a step
            And a step

          Scenario: untagged
            Given a step
            And a failing step
            And a step
        """

    static func library(_ journal: Journal) -> StepLibrary<CounterWorld> {
        var steps = StepLibrary<CounterWorld>()
        steps.given("a step") { world, step in
            world.count += 1
            journal.note("step \(step.scenario.name)")
        }
        steps.given("a failing step") { _, _ in throw StepFailure("no") }
        steps.beforeAll { journal.note("before all") }
        steps.afterAll { journal.note("after all") }
        steps.before { world, scenario in
            world.count = 100
            journal.note("before \(scenario.name)")
        }
        steps.before("@db", name: "database") { _, scenario in journal.note("before @db \(scenario.name)") }
        steps.after { world, scenario in
            journal.note("after \(scenario.name) \(scenario.status?.name ?? "?") count=\(world.count)")
        }
        steps.beforeStep("@db") { _, step in journal.note("before step \(step.text)") }
        steps.afterStep { _, step in journal.note("after step \(step.status?.name ?? "?")") }
        return steps
    }

    @Test func hooksRunInOrderWithTheirTagFilters() async throws {
        let journal = Journal()
        let fixture = try FeatureFixture(["h.feature": Self.feature])
        let result = try await fixture.run(Self.library(journal))
        #expect(
            journal.all == [
                "before all",
                "before tagged", "before @db tagged",
                "before step a step", "step tagged", "after step passed",
                "before step a step", "step tagged", "after step passed",
                "after tagged passed count=102",
                "before untagged",
                "step untagged", "after step passed",
                "after step failed",
                "after untagged failed count=101",
                "after all",
            ])
        // Hooks are test steps of their own in the results.
        #expect(result.stepStatuses("tagged") == [.passed, .passed, .passed, .passed, .passed])
        #expect(result.stepStatuses("untagged") == [.passed, .passed, .failed, .skipped, .passed])
        #expect(result.testCases[0].finalAttempt.steps[1].text == "database")
        #expect(result.hooks.count == 7)
    }

    @Test func aFailingBeforeHookSkipsTheStepsButNotTheAfterHooks() async throws {
        let journal = Journal()
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a step") { _, _ in journal.note("step") }
        steps.before { _, _ in throw StepFailure("no database") }
        steps.after { _, scenario in journal.note("after \(scenario.status?.name ?? "")") }
        let fixture = try FeatureFixture(["h.feature": "Feature: h\n  Scenario: s\n    Given a step\n"])
        let result = try await fixture.run(steps)
        #expect(result.stepStatuses("s") == [.failed, .skipped, .passed])
        #expect(journal.all == ["after failed"])
        #expect(result.testCases[0].finalAttempt.steps[0].error?.message == "no database")
    }

    @Test func aFailingBeforeAllHookRunsNothing() async throws {
        let journal = Journal()
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a step") { _, _ in journal.note("step") }
        steps.beforeAll(name: "start the emulator") { throw StepFailure("port in use") }
        steps.afterAll { journal.note("after all") }
        let fixture = try FeatureFixture(["h.feature": "Feature: h\n  Scenario: s\n    Given a step\n"])
        let result = try await fixture.run(steps)
        #expect(result.testCases.isEmpty)
        #expect(!result.success)
        #expect(result.runHookFailures.map(\.text) == ["start the emulator"])
        #expect(journal.all == ["after all"])
        #expect(ConsoleText.summary(result).contains("start the emulator hook failed: port in use"))
    }

    @Test func aBadHookTagExpressionIsAUsageError() async throws {
        var steps = StepLibrary<EmptyWorld>()
        steps.before("@a and") { _, _ in }
        let fixture = try FeatureFixture(["h.feature": "Feature: h\n  Scenario: s\n    Given a step\n"])
        let error = #expect(throws: SelectionError.self) {
            _ = try FeatureRun(library: steps, targets: [fixture.path()])
        }
        #expect(error?.message.contains("could not be parsed") == true)
    }
}

/// The world: a new one for every scenario.
@Suite struct WorldTests {
    @Test func eachScenarioStartsWithAFreshWorld() async throws {
        let journal = Journal()
        var steps = StepLibrary<CounterWorld>()
        steps.given("I count") { world, _ in
            world.count += 1
            journal.note("\(world.count)")
        }
        let scenarios = (1...3).map { "  Scenario: s\($0)\n    Given I count\n    And I count\n" }.joined()
        let fixture = try FeatureFixture(["w.feature": "Feature: w\n" + scenarios])
        let result = try await fixture.run(steps, options: ExecutionOptions(parallel: 2))
        #expect(result.success)
        #expect(journal.all.sorted() == ["1", "1", "1", "2", "2", "2"])
    }
}
