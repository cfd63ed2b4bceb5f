import Foundation
import Synchronization

/// One request and its answer as the reports show them: secrets already redacted, bodies truncated.
public struct HTTPExchange: Sendable, Codable, Hashable {
    /// `GET`, `POST`...
    public var method: String
    /// The URL, signature and credential query parameters redacted.
    public var url: String
    /// The request headers, names lowercased, secrets redacted.
    public var requestHeaders: [String: String]
    /// The request body as text (redacted, truncated), empty when there was none.
    public var requestBody: String
    /// The status, or 0 when the request did not get an answer.
    public var status: Int
    /// The response headers, names lowercased.
    public var responseHeaders: [String: String]
    /// The response body as text (redacted, truncated).
    public var responseBody: String
    /// When it was sent.
    public var started: Date
    /// How long it took, in seconds.
    public var duration: Double
    /// 1 for the first attempt, 2 for the first retry...
    public var attempt: Int
    /// The transport error, when there was no answer.
    public var error: String?

    /// One line: `PUT http://127.0.0.1:4566/bucket -> 200 (3 ms)`.
    public var summary: String {
        let outcome = error.map { "failed: \($0)" } ?? String(status)
        let retry = attempt > 1 ? ", attempt \(attempt)" : ""
        return "\(method) \(url) -> \(outcome) (\(Int((duration * 1000).rounded())) ms\(retry))"
    }
}

/// Receives every exchange a client makes (``ExchangeLog`` keeps them for a report).
public protocol ExchangeRecorder: Sendable {
    /// Called once per attempt, after its answer (or failure).
    func record(_ exchange: HTTPExchange)
}

/// Keeps exchanges until someone takes them: a scenario's clients record into one, and each step takes what its
/// requests were.
public final class ExchangeLog: ExchangeRecorder {
    private let exchanges = Mutex<[HTTPExchange]>([])

    public init() {}

    public func record(_ exchange: HTTPExchange) {
        exchanges.withLock { $0.append(exchange) }
    }

    /// The exchanges recorded since the last call.
    public func take() -> [HTTPExchange] {
        exchanges.withLock { taken in
            defer { taken.removeAll() }
            return taken
        }
    }

    /// The latest exchange, without taking it.
    public var last: HTTPExchange? { exchanges.withLock { $0.last } }
}
