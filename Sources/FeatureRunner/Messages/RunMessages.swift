import Foundation
import Gherkin

/// A point in time as messages carry it.
public struct Timestamp: Codable, Hashable, Sendable {
    public var seconds: Int64
    public var nanos: Int32

    public init(_ date: Date) {
        let interval = date.timeIntervalSince1970
        let seconds = interval.rounded(.down)
        self.seconds = Int64(seconds)
        self.nanos = Int32(((interval - seconds) * 1e9).rounded(.down))
    }
}

/// A duration as messages carry it.
public struct MessageDuration: Codable, Hashable, Sendable {
    public var seconds: Int64
    public var nanos: Int32

    public init(_ interval: TimeInterval) {
        let seconds = max(0, interval).rounded(.down)
        self.seconds = Int64(seconds)
        self.nanos = Int32(((max(0, interval) - seconds) * 1e9).rounded(.down))
    }
}

/// Where a definition is written.
public struct SourceReferenceMessage: Codable, Hashable, Sendable {
    public struct LineLocation: Codable, Hashable, Sendable {
        public var line: Int
    }
    public var uri: String
    public var location: LineLocation

    init(_ reference: SourceReference) {
        uri = reference.file
        location = LineLocation(line: reference.line)
    }
}

public struct StepDefinitionMessage: Codable, Hashable, Sendable {
    public struct Pattern: Codable, Hashable, Sendable {
        public var source: String
        /// `CUCUMBER_EXPRESSION` or `REGULAR_EXPRESSION`.
        public var type: String
    }
    public var id: String
    public var pattern: Pattern
    public var sourceReference: SourceReferenceMessage
}

public struct HookMessage: Codable, Hashable, Sendable {
    public var id: String
    public var name: String?
    public var tagExpression: String?
    /// `BEFORE_TEST_RUN`, `BEFORE_TEST_CASE`, `AFTER_TEST_STEP`...
    public var type: String
    public var sourceReference: SourceReferenceMessage
}

public struct TestRunStartedMessage: Codable, Hashable, Sendable {
    /// What `testCase`, `testRunHookStarted` and `testRunFinished` refer to the run by.
    public var id: String
    public var timestamp: Timestamp
}

/// A BeforeAll or AfterAll hook starting.
public struct TestRunHookStartedMessage: Codable, Hashable, Sendable {
    public var id: String
    public var testRunStartedId: String
    public var hookId: String
    public var timestamp: Timestamp
}

/// A BeforeAll or AfterAll hook's result.
public struct TestRunHookFinishedMessage: Codable, Hashable, Sendable {
    public var testRunHookStartedId: String
    public var result: TestStepResultMessage
    public var timestamp: Timestamp
}

public struct TestRunFinishedMessage: Codable, Hashable, Sendable {
    public var testRunStartedId: String
    public var success: Bool
    public var timestamp: Timestamp
    public var message: String?
}

/// A capture group of a step match, with the groups inside it (`children` is left out when there are none, and
/// `start` and `value` when the group took no part in the match, as the reference implementations write it).
public struct StepMatchArgumentGroup: Codable, Hashable, Sendable {
    public var start: Int?
    public var value: String?
    public var children: [StepMatchArgumentGroup]

    public init(start: Int?, value: String?, children: [StepMatchArgumentGroup] = []) {
        self.start = start
        self.value = value
        self.children = children
    }

    private enum CodingKeys: String, CodingKey { case start, value, children }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        start = try container.decodeIfPresent(Int.self, forKey: .start)
        value = try container.decodeIfPresent(String.self, forKey: .value)
        children = try container.decodeIfPresent([StepMatchArgumentGroup].self, forKey: .children) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(start, forKey: .start)
        try container.encodeIfPresent(value, forKey: .value)
        if !children.isEmpty { try container.encode(children, forKey: .children) }
    }
}

public struct StepMatchArgument: Codable, Hashable, Sendable {
    public var group: StepMatchArgumentGroup
    /// Absent for a regular expression's capture group that no parameter type claims.
    public var parameterTypeName: String?
}

public struct StepMatchArgumentsList: Codable, Hashable, Sendable {
    public var stepMatchArguments: [StepMatchArgument]
}

public struct TestStepMessage: Codable, Hashable, Sendable {
    public var id: String
    public var pickleStepId: String?
    public var hookId: String?
    public var stepDefinitionIds: [String]?
    public var stepMatchArgumentsLists: [StepMatchArgumentsList]?
}

public struct TestCaseMessage: Codable, Hashable, Sendable {
    public var id: String
    public var pickleId: String
    public var testSteps: [TestStepMessage]
    public var testRunStartedId: String
}

public struct TestCaseStartedMessage: Codable, Hashable, Sendable {
    public var attempt: Int
    public var id: String
    public var testCaseId: String
    public var workerId: String?
    public var timestamp: Timestamp
}

public struct TestCaseFinishedMessage: Codable, Hashable, Sendable {
    public var testCaseStartedId: String
    public var timestamp: Timestamp
    public var willBeRetried: Bool
}

public struct TestStepStartedMessage: Codable, Hashable, Sendable {
    public var testCaseStartedId: String
    public var testStepId: String
    public var timestamp: Timestamp
}

public struct TestStepResultMessage: Codable, Hashable, Sendable {
    public struct Exception: Codable, Hashable, Sendable {
        public var type: String
        public var message: String?
    }
    public var duration: MessageDuration
    public var status: Status
    public var message: String?
    public var exception: Exception?
}

public struct TestStepFinishedMessage: Codable, Hashable, Sendable {
    public var testCaseStartedId: String
    public var testStepId: String
    public var testStepResult: TestStepResultMessage
    public var timestamp: Timestamp
}

public struct AttachmentMessage: Codable, Hashable, Sendable {
    public var body: String
    /// `IDENTITY` for text, `BASE64` for bytes.
    public var contentEncoding: String
    public var mediaType: String
    public var fileName: String?
    /// The step or hook of a test case it was attached in.
    public var testCaseStartedId: String?
    public var testStepId: String?
    /// The BeforeAll / AfterAll hook it was attached in.
    public var testRunHookStartedId: String?
    public var timestamp: Timestamp
}

public struct SuggestionMessage: Codable, Hashable, Sendable {
    public struct Snippet: Codable, Hashable, Sendable {
        public var language: String
        public var code: String
    }
    public var id: String
    public var pickleStepId: String
    public var snippets: [Snippet]
}

public struct ParameterTypeMessage: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var regularExpressions: [String]
    public var preferForRegularExpressionMatch: Bool
    public var useForSnippets: Bool
    public var sourceReference: SourceReferenceMessage?
}
