import Foundation
import Gherkin

extension RunResult {
    /// The run as Cucumber Messages, in the order a live run would have sent them: meta, sources with their documents,
    /// pickles or parse errors, parameter types, step definitions and hooks, then the BeforeAll hooks, the test cases
    /// and every attempt's steps, attachments and results, and the AfterAll hooks.
    public func envelopes(version: String) -> [Envelope] {
        var envelopes: [Envelope] = [.meta(.brickyard(version: version))]
        for source in sources {
            envelopes.append(.source(Source(uri: source.uri, data: source.data)))
            if let document = source.document {
                envelopes.append(.gherkinDocument(document))
                envelopes += source.pickles.map { .pickle($0) }
            } else {
                envelopes += source.errors.map { .parseError(ParseError(uri: source.uri, error: $0)) }
            }
        }
        for type in parameterTypes ?? [] {
            envelopes.append(
                .parameterType(
                    ParameterTypeMessage(
                        id: type.id, name: type.name, regularExpressions: type.regularExpressions,
                        preferForRegularExpressionMatch: type.preferForRegularExpressionMatch,
                        useForSnippets: type.useForSnippets,
                        sourceReference: type.location.map(SourceReferenceMessage.init))))
        }
        for definition in stepDefinitions {
            envelopes.append(
                .stepDefinition(
                    StepDefinitionMessage(
                        id: definition.id,
                        pattern: .init(
                            source: definition.pattern,
                            type: definition.kind == .regularExpression ? "REGULAR_EXPRESSION" : "CUCUMBER_EXPRESSION"),
                        sourceReference: SourceReferenceMessage(definition.location))))
        }
        for hook in hooks {
            envelopes.append(
                .hook(
                    HookMessage(
                        id: hook.id, name: hook.name, tagExpression: hook.pattern.isEmpty ? nil : hook.pattern,
                        type: Self.hookType(hook.kind), sourceReference: SourceReferenceMessage(hook.location))))
        }
        envelopes.append(.testRunStarted(TestRunStartedMessage(id: Self.testRunId, timestamp: Timestamp(startedAt))))
        let beforeAll = (runHooks ?? []).filter { if case .hook(.beforeAll, _) = $0.kind { true } else { false } }
        let afterAll = (runHooks ?? []).filter { if case .hook(.afterAll, _) = $0.kind { true } else { false } }
        var clock = startedAt
        envelopes += Self.runHookMessages(beforeAll, first: 0, clock: &clock)
        for testCase in testCases {
            envelopes.append(.testCase(Self.testCaseMessage(testCase)))
        }
        let attempts = testCases.flatMap { testCase in testCase.attempts.map { (testCase, $0) } }
            .sorted { $0.1.startedAt < $1.1.startedAt }
        for (testCase, attempt) in attempts {
            envelopes += Self.attemptMessages(testCase, attempt)
            clock = max(clock, attempt.finishedAt)
        }
        envelopes += Self.runHookMessages(afterAll, first: beforeAll.count, clock: &clock)
        // A failed run hook's error is in its testRunHookFinished; without them (merged results, workers), in the
        // run's message.
        var message: String?
        if runHooks == nil, let failure = runHookFailures.first {
            message = "\(failure.text) failed: \(failure.error?.message ?? "")"
        }
        envelopes.append(
            .testRunFinished(
                TestRunFinishedMessage(
                    testRunStartedId: Self.testRunId, success: success, timestamp: Timestamp(finishedAt),
                    message: message)))
        return envelopes
    }

    /// The `testRunStarted.id` of a run's messages (a stream has one run).
    static let testRunId = "test-run"

    static func group(_ argument: MatchedArgument) -> StepMatchArgumentGroup {
        StepMatchArgumentGroup(
            start: argument.start, value: argument.value, children: (argument.children ?? []).map(group))
    }

    static func group(_ group: MatchedGroup) -> StepMatchArgumentGroup {
        StepMatchArgumentGroup(start: group.start, value: group.value, children: group.children.map(Self.group))
    }

    static func argumentsList(_ arguments: [MatchedArgument]) -> StepMatchArgumentsList {
        StepMatchArgumentsList(
            stepMatchArguments: arguments.map {
                // A regular expression's capture group no parameter type claims has no type name.
                StepMatchArgument(
                    group: group($0), parameterTypeName: $0.parameterTypeName.isEmpty ? nil : $0.parameterTypeName)
            })
    }

    /// `testRunHookStarted` and `testRunHookFinished` for run hooks; their ids count from `first`, their timestamps
    /// from `clock`.
    static func runHookMessages(_ hooks: [StepResult], first: Int, clock: inout Date) -> [Envelope] {
        var envelopes: [Envelope] = []
        for (offset, hook) in hooks.enumerated() {
            let id = "\(testRunId).hook.\(first + offset)"
            envelopes.append(
                .testRunHookStarted(
                    TestRunHookStartedMessage(
                        id: id, testRunStartedId: testRunId, hookId: hook.id, timestamp: Timestamp(clock))))
            for attachment in hook.attachments {
                envelopes.append(.attachment(attachmentMessage(attachment, testRunHookStartedId: id)))
            }
            clock += hook.duration
            envelopes.append(
                .testRunHookFinished(
                    TestRunHookFinishedMessage(
                        testRunHookStartedId: id, result: resultMessage(hook), timestamp: Timestamp(clock))))
        }
        return envelopes
    }

    /// An attachment as it was attached: `IDENTITY` text or `BASE64` bytes.
    static func attachmentMessage(
        _ attachment: Attachment, testCaseStartedId: String? = nil, testStepId: String? = nil,
        testRunHookStartedId: String? = nil
    ) -> AttachmentMessage {
        let asText = attachment.attachedAsText ?? (attachment.text != nil)
        return AttachmentMessage(
            body: asText ? String(decoding: attachment.body, as: UTF8.self) : attachment.body.base64EncodedString(),
            contentEncoding: asText ? "IDENTITY" : "BASE64", mediaType: attachment.mediaType,
            fileName: attachment.fileName, testCaseStartedId: testCaseStartedId, testStepId: testStepId,
            testRunHookStartedId: testRunHookStartedId, timestamp: Timestamp(attachment.timestamp))
    }

    static func resultMessage(_ step: StepResult) -> TestStepResultMessage {
        TestStepResultMessage(
            duration: MessageDuration(step.duration), status: step.status, message: step.error?.message,
            exception: step.error.map { .init(type: $0.type, message: $0.message) })
    }

    static func hookType(_ kind: DefinitionInfo.Kind) -> String {
        switch kind {
        case .beforeAll: "BEFORE_TEST_RUN"
        case .afterAll: "AFTER_TEST_RUN"
        case .before: "BEFORE_TEST_CASE"
        case .after: "AFTER_TEST_CASE"
        case .beforeStep: "BEFORE_TEST_STEP"
        case .afterStep: "AFTER_TEST_STEP"
        case .cucumberExpression, .regularExpression: "BEFORE_TEST_CASE"
        }
    }

    static func testCaseMessage(_ testCase: TestCaseResult) -> TestCaseMessage {
        let steps = testCase.finalAttempt.steps.map { step -> TestStepMessage in
            switch step.kind {
            case .hook(_, let definitionId):
                return TestStepMessage(id: step.id, hookId: definitionId)
            case .step(let pickleStepId):
                // One list per definition: what it matched (each candidate's, when ambiguous).
                let lists =
                    step.definitions.count == 1
                    ? [argumentsList(step.matchedArguments)] : (step.candidateArguments ?? []).map(argumentsList)
                return TestStepMessage(
                    id: step.id, pickleStepId: pickleStepId, stepDefinitionIds: step.definitions.map(\.id),
                    stepMatchArgumentsLists: lists)
            }
        }
        return TestCaseMessage(
            id: testCase.id, pickleId: testCase.pickle.id, testSteps: steps, testRunStartedId: testRunId)
    }

    static func attemptMessages(_ testCase: TestCaseResult, _ attempt: AttemptResult) -> [Envelope] {
        var envelopes: [Envelope] = [
            .testCaseStarted(
                TestCaseStartedMessage(
                    attempt: attempt.attempt, id: attempt.id, testCaseId: testCase.id, workerId: String(attempt.worker),
                    timestamp: Timestamp(attempt.startedAt)))
        ]
        var clock = attempt.startedAt
        for step in attempt.steps {
            envelopes.append(
                .testStepStarted(
                    TestStepStartedMessage(
                        testCaseStartedId: attempt.id, testStepId: step.id, timestamp: Timestamp(clock))))
            for attachment in step.attachments {
                envelopes.append(
                    .attachment(attachmentMessage(attachment, testCaseStartedId: attempt.id, testStepId: step.id)))
            }
            // The suggestion for an undefined step comes while the step runs, before its result.
            if let snippet = step.snippet, case .step(let pickleStepId) = step.kind {
                envelopes.append(
                    .suggestion(
                        SuggestionMessage(
                            id: "\(step.id).suggestion", pickleStepId: pickleStepId,
                            snippets: [.init(language: "swift", code: snippet)])))
            }
            clock += step.duration
            envelopes.append(
                .testStepFinished(
                    TestStepFinishedMessage(
                        testCaseStartedId: attempt.id, testStepId: step.id,
                        testStepResult: resultMessage(step),
                        timestamp: Timestamp(clock))))
        }
        envelopes.append(
            .testCaseFinished(
                TestCaseFinishedMessage(
                    testCaseStartedId: attempt.id, timestamp: Timestamp(attempt.finishedAt),
                    willBeRetried: attempt.willBeRetried)))
        return envelopes
    }
}
