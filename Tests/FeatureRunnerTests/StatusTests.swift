import FeatureRunner
import Foundation
import Testing

/// A world that counts, to see that each scenario (and each attempt) starts with a fresh one.
struct CounterWorld: World {
    var count = 0
}

/// Every status a step can end in, and what follows it.
@Suite struct StatusTests {
    static let feature = """
        Feature: statuses
          Scenario: passes
            Given I have 3 cukes
            Then I have 3 cukes in total

          Scenario: fails
            Given I have 3 cukes
            When it breaks
            Then I have 3 cukes in total

          Scenario: pending
            Given it is not written yet
            Then I have 0 cukes in total

          Scenario: undefined
            Given I have 3 cukes in my "belly"
            Then I have 3 cukes in total

          Scenario: ambiguous
            Given two definitions match
            Then I have 0 cukes in total

          Scenario: skipped on purpose
            Given this scenario is skipped
            Then I have 0 cukes in total
        """

    static func library(_ journal: Journal) -> StepLibrary<CounterWorld> {
        var steps = StepLibrary<CounterWorld>()
        steps.given("I have {int} cukes") { world, step in
            world.count += try step.argument(0, as: Int.self)
        }
        steps.then("I have {int} cukes in total") { world, step in
            journal.note("total checked")
            let expected = try step.argument(0, as: Int.self)
            try expect(world.count == expected, "expected \(expected), have \(world.count)")
        }
        steps.when("it breaks") { _, _ in throw StepFailure("the cukes fell") }
        steps.given("it is not written yet") { _, _ in throw PendingStep("later") }
        steps.given("two definitions match") { _, _ in }
        steps.given(#"^two (\w+) match$"#, regex: true) { _, _ in }
        steps.given("this scenario is skipped") { _, _ in throw SkipScenario("not today") }
        return steps
    }

    @Test func eachStatusIsReportedAsCucumberReportsIt() async throws {
        let journal = Journal()
        let fixture = try FeatureFixture(["s.feature": Self.feature])
        let result = try await fixture.run(Self.library(journal))
        #expect(
            result.statuses == [
                "passes": .passed, "fails": .failed, "pending": .pending, "undefined": .undefined,
                "ambiguous": .ambiguous, "skipped on purpose": .skipped,
            ])
        #expect(result.stepStatuses("fails") == [.passed, .failed, .skipped])
        #expect(result.stepStatuses("pending") == [.pending, .skipped])
        #expect(result.stepStatuses("undefined") == [.undefined, .skipped])
        #expect(result.stepStatuses("ambiguous") == [.ambiguous, .skipped])
        #expect(result.stepStatuses("skipped on purpose") == [.skipped, .skipped])
        // Only the passing scenario reached its last step.
        #expect(journal.count("total checked") == 1)
        #expect(!result.success)
    }

    @Test func aFailureNamesTheErrorAndTheDefinition() async throws {
        let fixture = try FeatureFixture(["s.feature": Self.feature])
        let result = try await fixture.run(Self.library(Journal()))
        let fails = try #require(result.testCases.first { $0.pickle.name == "fails" })
        let step = fails.finalAttempt.steps[1]
        #expect(step.error?.message == "the cukes fell")
        #expect(step.error?.type == "StepFailure")
        #expect(step.error?.definitionLocation?.file.hasSuffix("StatusTests.swift") == true)
        #expect(step.keyword == "When ")
        #expect(step.location?.line == 8)
        let passes = try #require(result.testCases.first { $0.pickle.name == "passes" })
        #expect(passes.finalAttempt.steps[0].matchedArguments.map(\.value) == ["3"])
        #expect(passes.finalAttempt.steps[0].matchedArguments.map(\.parameterTypeName) == ["int"])
    }

    @Test func anUndefinedStepGetsAReadyToPasteSnippet() async throws {
        let fixture = try FeatureFixture(["s.feature": Self.feature])
        let result = try await fixture.run(Self.library(Journal()))
        let undefined = try #require(result.testCases.first { $0.pickle.name == "undefined" })
        let snippet = try #require(undefined.finalAttempt.steps[0].snippet)
        #expect(
            snippet == """
                steps.given("I have {int} cukes in my {string}") { world, step in
                    let int = try step.argument(0, as: Int.self)
                    let string = try step.argument(1, as: String.self)
                    throw PendingStep("Write code here that turns the phrase above into concrete actions")
                }
                """)
        #expect(ConsoleText.summary(result).contains(snippet))
    }

    @Test func anAmbiguousStepNamesEveryDefinition() async throws {
        let fixture = try FeatureFixture(["s.feature": Self.feature])
        let result = try await fixture.run(Self.library(Journal()))
        let ambiguous = try #require(result.testCases.first { $0.pickle.name == "ambiguous" })
        let step = ambiguous.finalAttempt.steps[0]
        #expect(step.definitions.map(\.pattern) == ["two definitions match", #"^two (\w+) match$"#])
        let message = try #require(step.error?.message)
        #expect(message.contains("two definitions match at "))
        #expect(message.contains(#"^two (\w+) match$ at "#))
        #expect(message.contains("StatusTests.swift:"))
    }

    @Test func aThrowingStepFailsOnlyItsScenario() async throws {
        struct Boom: Error, CustomStringConvertible {
            var description: String { "boom" }
        }
        var steps = StepLibrary<EmptyWorld>()
        steps.given("it throws") { _, _ in throw Boom() }
        steps.given("it works") { _, _ in }
        let fixture = try FeatureFixture([
            "a.feature": "Feature: a\n  Scenario: one\n    Given it throws\n  Scenario: two\n    Given it works\n"
        ])
        let result = try await fixture.run(steps)
        #expect(result.statuses == ["one": .failed, "two": .passed])
        #expect(result.testCases[0].finalAttempt.steps[0].error?.message == "boom")
        #expect(result.testCases[0].finalAttempt.steps[0].error?.type == "Boom")
    }

    @Test func anArgumentOfTheWrongTypeFailsTheStep() async throws {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("I have {int} cukes") { _, step in _ = try step.argument(0, as: String.self) }
        let fixture = try FeatureFixture(["a.feature": "Feature: a\n  Scenario: one\n    Given I have 3 cukes\n"])
        let result = try await fixture.run(steps)
        #expect(result.testCases[0].finalAttempt.steps[0].error?.message == "argument 0 is {int} (Int), not String")
    }

    @Test func stepsReceiveDocStringsTablesAttachmentsAndLogs() async throws {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a policy") { _, step in
            try expect(step.docString?.mediaType == "json")
            try expect(step.docString?.content == #"{"Version": "2012-10-17"}"#)
            step.attach(step.docString?.content ?? "", mediaType: "application/json", fileName: "policy.json")
            step.log("policy read")
        }
        steps.given("buckets") { _, step in
            try expect(step.tableHashes == [["name": "root", "region": "us-east-1"]], "\(step.tableHashes)")
            step.attach(Data([0, 1, 2]), mediaType: "application/octet-stream")
        }
        let fixture = try FeatureFixture([
            "a.feature": """
            Feature: a
              Scenario: arguments
                Given a policy
                  ```json
                  {"Version": "2012-10-17"}
                  ```
                And buckets
                  | name | region    |
                  | root | us-east-1 |
            """
        ])
        let result = try await fixture.run(steps)
        #expect(result.statuses == ["arguments": .passed])
        let attempt = result.testCases[0].finalAttempt
        #expect(attempt.steps[0].attachments.map(\.mediaType) == ["application/json", Attachment.logMediaType])
        #expect(attempt.steps[0].attachments[1].text == "policy read")
        #expect(attempt.steps[0].attachments[0].fileName == "policy.json")
        #expect(attempt.steps[1].attachments[0].body == Data([0, 1, 2]))
        let messages = String(decoding: MessageFormat(version: "test").render(result), as: UTF8.self)
        #expect(messages.contains(#""contentEncoding":"BASE64""#))
        #expect(messages.contains(#""body":"policy read""#))
    }
}
