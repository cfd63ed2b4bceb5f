import Foundation
import Gherkin

extension RunResult {
    /// The run as Cucumber Messages, in the order a live run would have sent them: meta, sources with their documents,
    /// pickles or parse errors, step definitions and hooks, then the test cases and every attempt's steps,
    /// attachments and results.
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
        envelopes.append(.testRunStarted(TestRunStartedMessage(timestamp: Timestamp(startedAt))))
        for testCase in testCases {
            envelopes.append(.testCase(Self.testCaseMessage(testCase)))
        }
        let attempts = testCases.flatMap { testCase in testCase.attempts.map { (testCase, $0) } }
            .sorted { $0.1.startedAt < $1.1.startedAt }
        for (testCase, attempt) in attempts {
            envelopes += Self.attemptMessages(testCase, attempt)
        }
        var message: String?
        if let failure = runHookFailures.first {
            message = "\(failure.text) failed: \(failure.error?.message ?? "")"
        }
        envelopes.append(
            .testRunFinished(
                TestRunFinishedMessage(success: success, timestamp: Timestamp(finishedAt), message: message)))
        return envelopes
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
                let arguments = step.matchedArguments.map {
                    StepMatchArgument(
                        group: StepMatchArgumentGroup(start: $0.start, value: $0.value, children: []),
                        parameterTypeName: $0.parameterTypeName)
                }
                return TestStepMessage(
                    id: step.id, pickleStepId: pickleStepId, stepDefinitionIds: step.definitions.map(\.id),
                    stepMatchArgumentsLists: step.definitions.count == 1
                        ? [StepMatchArgumentsList(stepMatchArguments: arguments)] : [])
            }
        }
        return TestCaseMessage(id: testCase.id, pickleId: testCase.pickle.id, testSteps: steps)
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
                let text = attachment.text
                envelopes.append(
                    .attachment(
                        AttachmentMessage(
                            body: text ?? attachment.body.base64EncodedString(),
                            contentEncoding: text == nil ? "BASE64" : "IDENTITY", mediaType: attachment.mediaType,
                            fileName: attachment.fileName, testCaseStartedId: attempt.id, testStepId: step.id,
                            timestamp: Timestamp(attachment.timestamp))))
            }
            clock += step.duration
            envelopes.append(
                .testStepFinished(
                    TestStepFinishedMessage(
                        testCaseStartedId: attempt.id, testStepId: step.id,
                        testStepResult: TestStepResultMessage(
                            duration: MessageDuration(step.duration), status: step.status, message: step.error?.message,
                            exception: step.error.map { .init(type: $0.type, message: $0.message) }),
                        timestamp: Timestamp(clock))))
            if let snippet = step.snippet, case .step(let pickleStepId) = step.kind {
                envelopes.append(
                    .suggestion(
                        SuggestionMessage(
                            id: "\(step.id).suggestion", pickleStepId: pickleStepId,
                            snippets: [.init(language: "swift", code: snippet)])))
            }
        }
        envelopes.append(
            .testCaseFinished(
                TestCaseFinishedMessage(
                    testCaseStartedId: attempt.id, timestamp: Timestamp(attempt.finishedAt),
                    willBeRetried: attempt.willBeRetried)))
        return envelopes
    }
}
