import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A client of one Databricks host (the account host or a workspace's), over URLSession: JSON in and out, bearer
/// authentication (a token, or OAuth M2M discovered the way the SDKs discover it), and the SDKs' retries of 429 and
/// 503 honouring `Retry-After`.
///
/// ```swift
/// let account = DatabricksClient(host: endpoint, authentication: .oauth(clientId: id, clientSecret: secret))
/// let workspaces = try await account.json("GET", "/api/2.0/accounts/\(accountId)/workspaces")
/// ```
public struct DatabricksClient: Sendable {
    /// The host's base URL (a workspace URL may carry a path).
    public let host: URL
    /// How requests are authenticated.
    public let authentication: DatabricksAuthentication
    /// How requests are sent: retries (429 and 503 honouring `Retry-After`, as the SDKs do), timeout, capture.
    public var transport: HTTPTransport
    private let tokens = OAuthTokenCache()

    /// The SDKs' retry policy: up to six attempts of 429, 503 and the throttling error codes.
    public static let retryPolicy = RetryPolicy(maxAttempts: 6, baseDelay: 0.25, maxDelay: 30)

    /// Creates a client.
    public init(
        host: URL, authentication: DatabricksAuthentication,
        transport: HTTPTransport = HTTPTransport(retry: DatabricksClient.retryPolicy)
    ) {
        self.host = host
        self.authentication = authentication
        self.transport = transport
    }

    /// An answer: status, headers and body (``HTTPResponse``, with its JSON views `object` and `array`).
    public typealias Response = HTTPResponse

    // MARK: - Requests

    /// Sends a request and returns whatever the host answers (errors included).
    /// - Parameters:
    ///   - method: `GET`, `POST`, ...
    ///   - path: The API path (`/api/2.1/clusters/get`), appended to the host's URL.
    ///   - query: Query parameters.
    ///   - body: A JSON body.
    /// - Throws: Transport errors, and OAuth failures.
    public func send(
        _ method: String, _ path: String, query: [String: String] = [:], body: [String: Any]? = nil
    ) async throws -> Response {
        var components = URLComponents(url: host.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        if !query.isEmpty {
            components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        }
        var request = URLRequest(url: components.url!)
        request.httpMethod = method
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        request.setValue("Bearer \(try await bearerToken())", forHTTPHeaderField: "Authorization")
        return try await transport.send(request)
    }

    /// Sends a request to a URL of the host as it is (path and query already encoded) with a body of any kind, and
    /// returns whatever the host answers (the generic steps' requests).
    /// - Parameters:
    ///   - method: `GET`, `POST`, ...
    ///   - url: The URL.
    ///   - headers: Extra headers; a body without `Content-Type` is sent as `application/json`.
    ///   - body: The body, if any.
    /// - Throws: Transport errors, and OAuth failures.
    public func send(
        _ method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data = Data()
    ) async throws -> Response {
        var request = URLRequest(url: url)
        request.httpMethod = method
        for header in headers { request.setValue(header.value, forHTTPHeaderField: header.name) }
        if !body.isEmpty {
            request.httpBody = body
            if request.value(forHTTPHeaderField: "Content-Type") == nil {
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
        }
        request.setValue("Bearer \(try await bearerToken())", forHTTPHeaderField: "Authorization")
        return try await transport.send(request)
    }

    /// Sends a request and returns the JSON object of a successful answer.
    /// - Throws: ``DatabricksAPIError`` for an error answer.
    @discardableResult
    public func json(
        _ method: String, _ path: String, query: [String: String] = [:], body: [String: Any]? = nil
    ) async throws -> [String: Any] {
        let response = try await send(method, path, query: query, body: body)
        try Self.check(response)
        return response.object ?? [:]
    }

    /// Sends a request whose successful answer is a JSON array (the account API's lists).
    /// - Throws: ``DatabricksAPIError`` for an error answer.
    public func list(_ path: String, query: [String: String] = [:]) async throws -> [[String: Any]] {
        let response = try await send("GET", path, query: query)
        try Self.check(response)
        return (response.array ?? []).compactMap { $0 as? [String: Any] }
    }

    /// Throws the error an answer carries (`error_code` and `message`, or OAuth's `error` and `error_description`).
    /// - Throws: ``DatabricksAPIError`` unless the status is below 300.
    public static func check(_ response: Response) throws {
        guard response.status >= 300 else { return }
        let object = response.object ?? [:]
        let code = object["error_code"] as? String ?? object["error"] as? String ?? String(response.status)
        let message =
            object["message"] as? String ?? object["detail"] as? String ?? object["error_description"] as? String
            ?? String(decoding: response.body, as: UTF8.self)
        throw DatabricksAPIError(status: response.status, code: code, message: message)
    }

    // MARK: - Authentication

    private func bearerToken() async throws -> String {
        switch authentication {
        case .token(let token):
            return token
        case .oauth(let clientId, let clientSecret):
            if let cached = await tokens.valid() { return cached }
            let token = try await OAuthClientCredentials(
                host: host, clientId: clientId, clientSecret: clientSecret, transport: transport
            )
            .fetch()
            await tokens.store(token.value, expiresIn: token.expiresIn)
            return token.value
        }
    }
}

/// The OAuth token of a client, until shortly before it expires.
actor OAuthTokenCache {
    private var token: (value: String, expiry: Date)?

    func valid() -> String? {
        guard let token, token.expiry > Date() else { return nil }
        return token.value
    }

    func store(_ value: String, expiresIn: TimeInterval) {
        token = (value, Date().addingTimeInterval(max(0, expiresIn - 60)))
    }
}
