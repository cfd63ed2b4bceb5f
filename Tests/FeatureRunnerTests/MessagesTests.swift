import CucumberExpressions
import FeatureRunner
import Foundation
import Testing

/// The Cucumber Messages a run writes, message by message, where the compatibility kit showed what they must be.
@Suite struct MessagesTests {
    /// The run's messages, read back.
    static func messages(
        _ feature: String, _ steps: StepLibrary<EmptyWorld>, options: ExecutionOptions = ExecutionOptions()
    ) async throws -> [MessageJSON] {
        let fixture = try FeatureFixture(["m.feature": feature])
        let result = try await fixture.run(steps, options: options)
        return try MessageJSON.lines(MessageFormat(version: "1").render(result))
    }

    static func bodies(_ kind: String, _ messages: [MessageJSON]) -> [MessageJSON] {
        messages.compactMap { $0[kind] }
    }

    @Test func everyTestCaseAndTheEndReferToTheRunStarted() async throws {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a step") { _, _ in }
        let messages = try await Self.messages("Feature: f\n  Scenario: s\n    Given a step\n", steps)
        let id = try #require(Self.bodies("testRunStarted", messages).first?["id"]?.string)
        #expect(Self.bodies("testCase", messages).map { $0["testRunStartedId"]?.string } == [id])
        #expect(Self.bodies("testRunFinished", messages).map { $0["testRunStartedId"]?.string } == [id])
    }

    @Test func matchedGroupsAreNestedAndEmptyPartsLeftOut() async throws {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("an order for {string}") { _, _ in }
        steps.given(#"^a (.*?)(?: and a (.*?))?$"#, regex: true) { _, _ in }
        let messages = try await Self.messages(
            "Feature: f\n  Scenario: s\n    Given an order for \"eggs\"\n    And a cucumber\n", steps)
        let testSteps = Self.bodies("testCase", messages).first?["testSteps"]
        guard case .array(let list)? = testSteps, list.count == 2 else {
            Issue.record("two test steps expected")
            return
        }
        let string = list[0]["stepMatchArgumentsLists"]
        // {string}: the quoted text, inside it the text in double quotes (with its unmatched escape group) and the
        // unmatched single-quote alternative.
        #expect(
            string?.compact == #"[{"stepMatchArguments":[{"group":{"children":[{"children":[{}],"start":14,"#
                + #""value":"eggs"},{"children":[{}]}],"start":13,"value":"\"eggs\""},"parameterTypeName":"string"}]}]"#
        )
        // A regular expression's capture groups: no type name, and nothing for the group that did not match.
        #expect(
            list[1]["stepMatchArgumentsLists"]?.compact
                == #"[{"stepMatchArguments":[{"group":{"start":2,"value":"cucumber"}},{"group":{}}]}]"#)
    }

    @Test func anAmbiguousStepListsWhatEachCandidateMatched() async throws {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("^a (.*?) with (.*?)$", regex: true) { _, _ in }
        steps.given("^a step with (.*?)$", regex: true) { _, _ in }
        let messages = try await Self.messages("Feature: f\n  Scenario: s\n    Given a step with two\n", steps)
        guard case .array(let list)? = Self.bodies("testCase", messages).first?["testSteps"] else {
            Issue.record("no test steps")
            return
        }
        guard case .array(let lists)? = list[0]["stepMatchArgumentsLists"] else {
            Issue.record("no argument lists")
            return
        }
        #expect(lists.count == 2)
        #expect(lists.map { $0.compact.components(separatedBy: "\"start\"").count - 1 } == [2, 1])
    }

    @Test func anUndefinedStepsSuggestionComesBeforeItsResult() async throws {
        let messages = try await Self.messages(
            "Feature: f\n  Scenario: s\n    Given a step nobody wrote\n", StepLibrary<EmptyWorld>())
        let kinds = messages.map(\.envelopeType)
        let suggestion = try #require(kinds.firstIndex(of: "suggestion"))
        #expect(kinds[suggestion - 1] == "testStepStarted")
        #expect(kinds[suggestion + 1] == "testStepFinished")
    }

    @Test func attachmentsAreEncodedAsTheyWereAttached() async throws {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("attachments") { _, step in
            step.attach("hello", mediaType: "application/octet-stream")
            step.attach(Data([0, 1, 2]), mediaType: "text/plain")
        }
        let messages = try await Self.messages("Feature: f\n  Scenario: s\n    Given attachments\n", steps)
        let attachments = Self.bodies("attachment", messages)
        #expect(attachments.map { $0["contentEncoding"]?.string } == ["IDENTITY", "BASE64"])
        #expect(attachments.map { $0["body"]?.string } == ["hello", "AAEC"])
    }

    @Test func aSkipReasonIsReportedAndASkippedScenarioSkipsItsUndefinedSteps() async throws {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("I skip") { _, _ in throw SkipScenario("not today") }
        let messages = try await Self.messages(
            "Feature: f\n  Scenario: s\n    Given I skip\n    And a step nobody wrote\n", steps)
        let results = Self.bodies("testStepFinished", messages).compactMap { $0["testStepResult"] }
        #expect(results.map { $0["status"]?.string } == ["SKIPPED", "SKIPPED"])
        #expect(results.first?["message"]?.string == "not today")
        #expect(Self.bodies("suggestion", messages).isEmpty)
    }

    @Test func runHooksHaveTheirOwnMessagesAndAfterAllHooksRunInReverse() async throws {
        let journal = Journal()
        var steps = StepLibrary<EmptyWorld>()
        steps.beforeAll { run in run.log("before") }
        steps.given("a step") { _, _ in }
        steps.afterAll { journal.note("first registered") }
        steps.afterAll { journal.note("last registered") }
        let messages = try await Self.messages("Feature: f\n  Scenario: s\n    Given a step\n", steps)
        #expect(journal.all == ["last registered", "first registered"])
        let kinds = messages.map(\.envelopeType).filter {
            $0.hasPrefix("testRun") || $0 == "testCase" || $0 == "attachment"
        }
        #expect(
            kinds == [
                "testRunStarted", "testRunHookStarted", "attachment", "testRunHookFinished", "testCase",
                "testRunHookStarted", "testRunHookFinished", "testRunHookStarted", "testRunHookFinished",
                "testRunFinished",
            ])
        let started = Self.bodies("testRunHookStarted", messages).compactMap { $0["id"]?.string }
        #expect(Self.bodies("attachment", messages).first?["testRunHookStartedId"]?.string == started.first)
    }

    @Test func aFailingBeforeAllHookIsInItsResultNotTheRunsMessage() async throws {
        var steps = StepLibrary<EmptyWorld>()
        steps.beforeAll { throw StepFailure("no database") }
        steps.given("a step") { _, _ in }
        let messages = try await Self.messages("Feature: f\n  Scenario: s\n    Given a step\n", steps)
        let result = Self.bodies("testRunHookFinished", messages).first?["result"]
        #expect(result?["status"]?.string == "FAILED")
        #expect(result?["message"]?.string == "no database")
        #expect(Self.bodies("testCase", messages).isEmpty)
        let finished = Self.bodies("testRunFinished", messages).first
        #expect(finished?["success"] == .bool(false) && finished?["message"] == nil)
    }

    @Test func customParameterTypesHaveMessages() async throws {
        var steps = StepLibrary<EmptyWorld>()
        steps.define(try ParameterType(name: "flight", regexp: "([A-Z]{3})-([A-Z]{3})"))
        steps.given("{flight} is late") { _, _ in }
        let messages = try await Self.messages("Feature: f\n  Scenario: s\n    Given LHR-CDG is late\n", steps)
        let types = Self.bodies("parameterType", messages)
        #expect(types.map { $0["name"]?.string } == ["flight"])
        #expect(types.first?["sourceReference"]?["uri"]?.string?.hasSuffix("MessagesTests.swift") == true)
        let kinds = messages.map(\.envelopeType)
        #expect(kinds.firstIndex(of: "parameterType")! < kinds.firstIndex(of: "stepDefinition")!)
    }

    @Test func scenarioHooksAttachToTheirOwnStep() async throws {
        var steps = StepLibrary<EmptyWorld>()
        steps.before { _, scenario in scenario.attach("from before") }
        steps.given("a step") { _, _ in }
        let messages = try await Self.messages("Feature: f\n  Scenario: s\n    Given a step\n", steps)
        let hookStep = Self.bodies("testCase", messages).first?["testSteps"].flatMap { steps -> String? in
            if case .array(let list) = steps { list.first?["id"]?.string } else { nil }
        }
        #expect(Self.bodies("attachment", messages).map { $0["testStepId"]?.string } == [hookStep])
    }

    @Test func theReverseOrderRunsTheLastTestCaseFirst() async throws {
        let journal = Journal()
        var steps = StepLibrary<EmptyWorld>()
        steps.given("step {int}") { _, step in journal.note(String(try step.argument(0, as: Int.self))) }
        let feature = "Feature: f\n" + (0..<3).map { "  Scenario: s\($0)\n    Given step \($0)\n" }.joined()
        _ = try await Self.messages(feature, steps, options: ExecutionOptions(order: .reverse))
        #expect(journal.all == ["2", "1", "0"])
        #expect(ExecutionOrder("reverse") == .reverse && ExecutionOrder.reverse.description == "reverse")
    }
}
