import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// How every client sends requests: over URLSession (libcurl on Linux), signing each attempt afresh, retrying
/// throttling and transient failures with jittered backoff (``RetryPolicy``), with a timeout, and handing each
/// exchange, secrets redacted, to a recorder.
public struct HTTPTransport: Sendable {
    /// The session requests go through.
    public var session: URLSession
    /// When to retry.
    public var retry: RetryPolicy
    /// Seconds a request may take before it fails with a timeout.
    public var timeout: Double
    /// Receives every exchange (nothing is captured when `nil`).
    public var recorder: (any ExchangeRecorder)?
    /// What is hidden from captured exchanges.
    public var redactor: Redactor
    /// Most characters of a body kept in a capture.
    public var captureLimit: Int = 16_384

    /// Creates a transport.
    public init(
        session: URLSession = .shared, retry: RetryPolicy = .standard, timeout: Double = 60,
        recorder: (any ExchangeRecorder)? = nil, redactor: Redactor = Redactor()
    ) {
        self.session = session
        self.retry = retry
        self.timeout = timeout
        self.recorder = recorder
        self.redactor = redactor
    }

    /// Sends a request, signing each attempt with `sign` just before it goes.
    /// - Returns: The last answer (a success, an error that is not retried, or the last retried one).
    /// - Throws: The transport error of the last attempt when none got an answer.
    public func send(
        _ request: URLRequest, sign: (inout URLRequest) -> Void = { _ in }
    ) async throws -> HTTPResponse {
        var attempt = 1
        while true {
            var prepared = request
            prepared.timeoutInterval = timeout
            sign(&prepared)
            let started = Date()
            do {
                let (data, response) = try await session.data(for: prepared)
                guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
                var headers: [String: String] = [:]
                for (name, value) in http.allHeaderFields {
                    if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
                }
                let answer = HTTPResponse(status: http.statusCode, headers: headers, body: data)
                capture(prepared, answer: answer, error: nil, started: started, attempt: attempt)
                let retryable = answer.status >= 400 && retry.shouldRetry(status: answer.status, code: answer.errorCode)
                guard retryable, attempt < retry.maxAttempts else { return answer }
                let wait = retry.delay(
                    afterAttempt: attempt, retryAfter: answer.header("retry-after").flatMap(Double.init))
                try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
            } catch let error as URLError where Self.isTransient(error) && attempt < retry.maxAttempts {
                capture(prepared, answer: nil, error: error, started: started, attempt: attempt)
                try await Task.sleep(
                    nanoseconds: UInt64(retry.delay(afterAttempt: attempt, retryAfter: nil) * 1_000_000_000))
            } catch {
                capture(prepared, answer: nil, error: error, started: started, attempt: attempt)
                throw error
            }
            attempt += 1
        }
    }

    /// Connection failures worth another attempt (not a refused connection to a server that is not there: that
    /// would only delay the message).
    static func isTransient(_ error: URLError) -> Bool {
        [.timedOut, .networkConnectionLost, .dnsLookupFailed, .cannotFindHost].contains(error.code)
    }

    private func capture(_ request: URLRequest, answer: HTTPResponse?, error: Error?, started: Date, attempt: Int) {
        guard let recorder else { return }
        let requestBody =
            request.httpBody.map { text($0, contentType: request.value(forHTTPHeaderField: "Content-Type")) } ?? ""
        recorder.record(
            HTTPExchange(
                method: request.httpMethod ?? "GET", url: request.url.map(redactor.url) ?? "",
                requestHeaders: redactor.headers(request.allHTTPHeaderFields ?? [:]), requestBody: requestBody,
                status: answer?.status ?? 0, responseHeaders: redactor.headers(answer?.headers ?? [:]),
                responseBody: answer.map { text($0.body, contentType: $0.header("content-type")) } ?? "",
                started: started, duration: Date().timeIntervalSince(started), attempt: attempt,
                error: error.map { redactor.literal(String(describing: $0)) }))
    }

    /// A body as text a report can show: redacted, truncated, binary ones summarised (``CapturedBody``).
    private func text(_ data: Data, contentType: String?) -> String {
        if data.isEmpty { return "" }
        guard CapturedBody.isText(data, contentType: contentType) else {
            return CapturedBody.summary(data, contentType: contentType)
        }
        var text = redactor.body(String(decoding: data, as: UTF8.self))
        if text.count > captureLimit {
            text = String(text.prefix(captureLimit)) + "... (\(data.count) bytes in all)"
        }
        return text
    }
}
