import Foundation
import Gherkin

/// One pickle's run: every attempt (more than one with `--retry`); the last one counts.
public struct TestCaseResult: Sendable, Codable {
    /// The test case id of the messages (`testCase.id`).
    public var id: String
    public var pickle: Pickle
    public var attempts: [AttemptResult]

    public init(id: String, pickle: Pickle, attempts: [AttemptResult]) {
        self.id = id
        self.pickle = pickle
        self.attempts = attempts
    }

    /// The attempt that counts.
    public var finalAttempt: AttemptResult { attempts[attempts.count - 1] }

    /// The final attempt's status.
    public var status: Status { finalAttempt.status }

    /// Whether it failed at first and passed on a retry.
    public var isFlaky: Bool { attempts.count > 1 && status == .passed }

    /// `path:line` of the scenario or examples row, as rerun files list it.
    public var locationReference: String { "\(pickle.uri):\(pickle.location?.line ?? 0)" }
}

/// One attempt at a test case, with a fresh world.
public struct AttemptResult: Sendable, Codable {
    /// 0 for the first attempt.
    public var attempt: Int
    /// The `testCaseStarted.id` of the messages.
    public var id: String
    public var steps: [StepResult]
    public var startedAt: Date
    public var finishedAt: Date
    /// Whether another attempt follows.
    public var willBeRetried: Bool
    /// The worker that ran it (0 when the run is not parallel).
    public var worker: Int

    public init(
        attempt: Int, id: String, steps: [StepResult], startedAt: Date, finishedAt: Date, willBeRetried: Bool,
        worker: Int
    ) {
        self.attempt = attempt
        self.id = id
        self.steps = steps
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.willBeRetried = willBeRetried
        self.worker = worker
    }

    /// The worst status of its steps and hooks (passed when it has none).
    public var status: Status { steps.map(\.status).max() ?? .passed }

    public var duration: TimeInterval { finishedAt.timeIntervalSince(startedAt) }

    /// The first failure: what reports show as the test case's error.
    public var firstProblem: StepResult? { steps.first { $0.status.failsRun } }
}

/// One step or hook of an attempt.
public struct StepResult: Sendable, Codable {
    public enum Kind: Sendable, Hashable, Codable {
        /// A pickle step, by the pickle step's id.
        case step(pickleStepId: String)
        /// A hook, by its definition's id.
        case hook(DefinitionInfo.Kind, definitionId: String)

        public var isStep: Bool { if case .step = self { true } else { false } }
    }

    /// The `testStep.id` of the messages.
    public var id: String
    public var kind: Kind
    /// The step's keyword as written (`"Given "`, `"前提"`); empty for hooks.
    public var keyword: String
    /// The step's text (outline values filled in), or the hook's name.
    public var text: String
    /// Where the step is written in the feature file.
    public var location: Location?
    public var argument: PickleStepArgument?
    /// The matched arguments with their positions in the text.
    public var matchedArguments: [MatchedArgument]
    /// The step definition or hook that ran (or the candidates, when ambiguous).
    public var definitions: [DefinitionInfo]
    /// When ambiguous, what each of ``definitions`` matched, in the same order (`nil` otherwise, and in results
    /// written before they were kept).
    public var candidateArguments: [[MatchedArgument]]?
    public var status: Status
    public var duration: TimeInterval
    public var error: StepError?
    /// A ready-to-paste Swift definition, when the step is undefined.
    public var snippet: String?
    /// The patterns of the step definitions nearest to an undefined step's text, best first.
    public var suggestions: [String]?
    public var attachments: [Attachment]

    public init(
        id: String, kind: Kind, keyword: String, text: String, location: Location?, argument: PickleStepArgument?,
        matchedArguments: [MatchedArgument] = [], definitions: [DefinitionInfo] = [], status: Status,
        duration: TimeInterval = 0, error: StepError? = nil, snippet: String? = nil, attachments: [Attachment] = []
    ) {
        self.id = id
        self.kind = kind
        self.keyword = keyword
        self.text = text
        self.location = location
        self.argument = argument
        self.matchedArguments = matchedArguments
        self.definitions = definitions
        self.status = status
        self.duration = duration
        self.error = error
        self.snippet = snippet
        self.attachments = attachments
    }
}

/// An argument a step definition matched: its text, where it starts, and the parameter type's name.
public struct MatchedArgument: Sendable, Hashable, Codable {
    public var value: String?
    /// The offset in the step text, in UTF-16 code units.
    public var start: Int?
    public var parameterTypeName: String
    /// The capture groups inside the argument's (a `{string}`'s quoted text), as Cucumber Messages nest them; `nil`
    /// in results written before they were kept.
    public var children: [MatchedGroup]?

    public init(value: String?, start: Int?, parameterTypeName: String, children: [MatchedGroup]? = nil) {
        self.value = value
        self.start = start
        self.parameterTypeName = parameterTypeName
        self.children = children
    }
}

/// A capture group inside a matched argument: its text and offset (`nil` when it took no part in the match) and the
/// groups inside it.
public struct MatchedGroup: Sendable, Hashable, Codable {
    public var value: String?
    /// The offset in the step text, in UTF-16 code units.
    public var start: Int?
    public var children: [MatchedGroup]

    public init(value: String?, start: Int?, children: [MatchedGroup] = []) {
        self.value = value
        self.start = start
        self.children = children
    }
}

/// Why a step did not pass: the error's message and type, and the definition that threw it.
public struct StepError: Sendable, Hashable, Codable {
    public var message: String
    public var type: String
    /// Where the definition (or hook) that failed is written.
    public var definitionLocation: SourceReference?

    public init(message: String, type: String, definitionLocation: SourceReference?) {
        self.message = message
        self.type = type
        self.definitionLocation = definitionLocation
    }
}

/// Something a step attached: text or bytes with a media type, or a log line (`text/x.cucumber.log+plain`).
public struct Attachment: Sendable, Hashable, Codable {
    public var body: Data
    public var mediaType: String
    public var fileName: String?
    public var timestamp: Date
    /// Whether it was attached as text (`IDENTITY` in Cucumber Messages) or as bytes (`BASE64`), whatever its media
    /// type, as Cucumber decides; `nil` (results written before it was kept): by ``text``.
    public var attachedAsText: Bool?

    public init(
        body: Data, mediaType: String, fileName: String? = nil, timestamp: Date = Date(), attachedAsText: Bool? = nil
    ) {
        self.body = body
        self.mediaType = mediaType
        self.fileName = fileName
        self.timestamp = timestamp
        self.attachedAsText = attachedAsText
    }

    /// The media type of log lines.
    public static let logMediaType = "text/x.cucumber.log+plain"

    /// The media type of a step's HTTP exchanges: a JSON array of objects with `method`, `url`, `status`, `duration`
    /// (seconds), `attempt`, `requestHeaders`, `requestBody`, `responseHeaders`, `responseBody` and `error` (secrets
    /// already redacted). The HTML report shows them in line.
    public static let httpExchangesMediaType = "application/vnd.brickyard.http-exchanges+json"

    /// Whether it is a log line.
    public var isLog: Bool { mediaType == Self.logMediaType }

    /// The body as text, when the media type is textual.
    public var text: String? {
        mediaType.hasPrefix("text/") || mediaType.contains("json") || mediaType.contains("xml")
            ? String(decoding: body, as: UTF8.self) : nil
    }
}
