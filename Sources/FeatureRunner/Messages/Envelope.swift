import Foundation
import Gherkin

/// One Cucumber Messages envelope: exactly one message, under the key naming its kind (`{"pickle": {...}}`).
///
/// Every report is derived from the stream of these a run produces; `message` prints them as NDJSON.
public enum Envelope: Sendable {
    case meta(Meta)
    case source(Source)
    case gherkinDocument(GherkinDocument)
    case pickle(Pickle)
    case parseError(ParseError)
    case parameterType(ParameterTypeMessage)
    case stepDefinition(StepDefinitionMessage)
    case hook(HookMessage)
    case testRunStarted(TestRunStartedMessage)
    case testRunHookStarted(TestRunHookStartedMessage)
    case testRunHookFinished(TestRunHookFinishedMessage)
    case testCase(TestCaseMessage)
    case testCaseStarted(TestCaseStartedMessage)
    case testStepStarted(TestStepStartedMessage)
    case attachment(AttachmentMessage)
    case testStepFinished(TestStepFinishedMessage)
    case testCaseFinished(TestCaseFinishedMessage)
    case suggestion(SuggestionMessage)
    case testRunFinished(TestRunFinishedMessage)
}

/// A feature file's text, as read.
public struct Source: Codable, Hashable, Sendable {
    public var uri: String
    public var data: String
    public var mediaType: String

    public init(uri: String, data: String, mediaType: String = "text/x.cucumber.gherkin+plain") {
        self.uri = uri
        self.data = data
        self.mediaType = mediaType
    }
}

/// A feature file that does not parse: one message per error.
public struct ParseError: Codable, Hashable, Sendable {
    public struct SourceReference: Codable, Hashable, Sendable {
        public var uri: String?
        public var location: Location?
    }

    public var source: SourceReference
    /// The reference parser's message, location first (`(2:1): expected: ...`).
    public var message: String

    public init(uri: String?, error: GherkinParseError) {
        source = SourceReference(uri: uri, location: error.location)
        message = error.fullMessage
    }
}

/// What produced the stream.
public struct Meta: Codable, Hashable, Sendable {
    public struct Product: Codable, Hashable, Sendable {
        public var name: String
        public var version: String?
    }

    public var protocolVersion: String
    public var implementation: Product
    public var runtime: Product
    public var os: Product
    public var cpu: Product

    /// Brickyard's own meta message.
    public static func brickyard(version: String) -> Meta {
        #if os(Linux)
        let os = "linux"
        #else
        let os = "darwin"
        #endif
        #if arch(arm64)
        let cpu = "arm64"
        #else
        let cpu = "x64"
        #endif
        return Meta(
            protocolVersion: "27.0.0", implementation: Product(name: "brickyard", version: version),
            runtime: Product(name: "swift", version: nil), os: Product(name: os, version: nil),
            cpu: Product(name: cpu, version: nil))
    }
}

extension Envelope: Encodable {
    private enum Key: String, CodingKey {
        case meta, source, gherkinDocument, pickle, parseError, parameterType, stepDefinition, hook, testRunStarted
        case testCase, testCaseStarted, testStepStarted, attachment, testStepFinished, testCaseFinished, suggestion
        case testRunHookStarted, testRunHookFinished, testRunFinished
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .meta(let message): try container.encode(message, forKey: .meta)
        case .source(let message): try container.encode(message, forKey: .source)
        case .gherkinDocument(let message): try container.encode(message, forKey: .gherkinDocument)
        case .pickle(let message): try container.encode(message, forKey: .pickle)
        case .parseError(let message): try container.encode(message, forKey: .parseError)
        case .parameterType(let message): try container.encode(message, forKey: .parameterType)
        case .stepDefinition(let message): try container.encode(message, forKey: .stepDefinition)
        case .hook(let message): try container.encode(message, forKey: .hook)
        case .testRunStarted(let message): try container.encode(message, forKey: .testRunStarted)
        case .testRunHookStarted(let message): try container.encode(message, forKey: .testRunHookStarted)
        case .testRunHookFinished(let message): try container.encode(message, forKey: .testRunHookFinished)
        case .testCase(let message): try container.encode(message, forKey: .testCase)
        case .testCaseStarted(let message): try container.encode(message, forKey: .testCaseStarted)
        case .testStepStarted(let message): try container.encode(message, forKey: .testStepStarted)
        case .attachment(let message): try container.encode(message, forKey: .attachment)
        case .testStepFinished(let message): try container.encode(message, forKey: .testStepFinished)
        case .testCaseFinished(let message): try container.encode(message, forKey: .testCaseFinished)
        case .suggestion(let message): try container.encode(message, forKey: .suggestion)
        case .testRunFinished(let message): try container.encode(message, forKey: .testRunFinished)
        }
    }
}

/// Writes envelopes as NDJSON: one compact JSON object per line, keys sorted so output is the same run after run.
public struct NDJSONWriter: Sendable {
    private let encoder: JSONEncoder

    public init() {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.encoder = encoder
    }

    /// One line, with its `\n`.
    public func line(_ envelope: Envelope) -> Data {
        var data = (try? encoder.encode(envelope)) ?? Data("{}".utf8)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
