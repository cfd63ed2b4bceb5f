import AWSWire
import CloudClients
import FeatureRunner
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An AWS service the generic steps can reach: its endpoint in the session, its signing name, and its protocol.
public enum GenericAWSService: String, Sendable, CaseIterable {
    case s3
    case iam
    case sts
    case kinesis

    /// Accepts `S3`, `iam`, `Kinesis`...
    /// - Throws: ``StepFailure`` naming the services there are.
    public init(named name: String) throws {
        guard let service = Self(rawValue: name.lowercased()) else {
            throw StepFailure(
                "there is no AWS service \"\(name)\" in the generic steps; they reach "
                    + Self.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = service
    }

    /// The service's endpoint in a session.
    func endpoint(_ aws: CloudSession.AWS) -> URL {
        switch self {
        case .s3: aws.s3
        case .iam: aws.iam
        case .sts: aws.sts
        case .kinesis: aws.kinesis
        }
    }

    /// The query protocol's API version, for the query services.
    var queryVersion: String? {
        switch self {
        case .iam: "2010-05-08"
        case .sts: "2011-06-15"
        default: nil
        }
    }

    /// The JSON 1.1 protocol's `X-Amz-Target` prefix, for the JSON services.
    var jsonTargetPrefix: String? { self == .kinesis ? "Kinesis_20131202" : nil }
}

/// Where a generic request goes.
public enum GenericTarget: Sendable, Equatable {
    /// An AWS service, signed with SigV4 with the target's credentials and region.
    case aws(GenericAWSService)
    /// The Databricks account host, with the target's account admin credentials.
    case databricksAccount
    /// A Databricks workspace host, with the same credentials.
    case databricksWorkspace(URL)

    var description: String {
        switch self {
        case .aws(let service): service.rawValue.uppercased()
        case .databricksAccount: "the Databricks account API"
        case .databricksWorkspace(let url): "workspace \(url.absoluteString)"
        }
    }
}

/// One request of the generic steps, kept so waiting steps can send it again.
public struct GenericRequest: Sendable {
    public var target: GenericTarget
    public var method: String
    /// The path with its query (`/my-bucket?policy`), placeholders already replaced.
    public var path: String
    public var headers: [(name: String, value: String)] = []
    public var body = Data()

    /// Creates a request.
    public init(
        target: GenericTarget, method: String, path: String, headers: [(name: String, value: String)] = [],
        body: Data = Data()
    ) {
        self.target = target
        self.method = method.uppercased()
        self.path = path.hasPrefix("/") ? path : "/" + path
        self.headers = headers
        self.body = body
    }

    /// The URL of the path on a base URL (which may carry a path of its own), percent-encoded canonically
    /// whether the path was written encoded or not.
    func url(on base: URL) -> URL {
        let parts = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = String(parts[0])
        let decoded = PercentEncoding.decode(rawPath) ?? rawPath
        var components = URLComponents(url: base, resolvingAgainstBaseURL: false)!
        let basePath =
            components.percentEncodedPath.hasSuffix("/")
            ? String(components.percentEncodedPath.dropLast()) : components.percentEncodedPath
        components.percentEncodedPath = basePath + PercentEncoding.encode(decoded, encodeSlash: false)
        if parts.count == 2 {
            let query = String(parts[1])
            let items = PercentEncoding.decodeQuery(query) ?? []
            components.percentEncodedQuery = items.map { item in
                PercentEncoding.encode(item.name) + (item.value.isEmpty ? "" : "=" + PercentEncoding.encode(item.value))
            }.joined(separator: "&")
        }
        return components.url!
    }

    /// The request as one line, for messages (`GET /api/2.0/accounts/.../workspaces on the account API`).
    var summary: String { "\(method) \(path) on \(target.description)" }
}

extension ScenarioContext {
    /// Sends a generic request: SigV4 for AWS services, the target's bearer authentication for Databricks hosts.
    /// Records it as the scenario's last request and its answer as the last response.
    @discardableResult
    func send(_ request: GenericRequest) async throws -> GenericResponse {
        let response: HTTPResponse
        switch request.target {
        case .aws(let service):
            var urlRequest = URLRequest(url: request.url(on: service.endpoint(session.aws)))
            urlRequest.httpMethod = request.method
            for header in request.headers { urlRequest.setValue(header.value, forHTTPHeaderField: header.name) }
            if !request.body.isEmpty || ["PUT", "POST"].contains(request.method) { urlRequest.httpBody = request.body }
            // IAM is global: live, it is signed for us-east-1 as the SDKs sign it; an emulator takes its own region.
            let region = service == .iam && session.isLive ? "us-east-1" : session.aws.region
            let signer = SigV4Signer(credentials: session.aws.credentials, region: region, service: service.rawValue)
            let hash = SigV4.sha256Hex(bytes: request.body)
            response = try await transport.send(urlRequest) { signer.sign(&$0, payloadHash: hash) }
        case .databricksAccount:
            response = try await databricksClient(session.databricks.host).send(
                request.method, url: request.url(on: session.databricks.host), headers: request.headers,
                body: request.body)
        case .databricksWorkspace(let host):
            response = try await databricksClient(host).send(
                request.method, url: request.url(on: host), headers: request.headers, body: request.body)
        }
        let answer = GenericResponse(response)
        state.withLock {
            $0.generic.lastRequest = request
            $0.generic.lastResponse = answer
        }
        try recordCreation(request, answer)
        return answer
    }

    /// The scenario's client of a Databricks host (the account host or a workspace), made once.
    func databricksClient(_ host: URL) -> DatabricksClient {
        state.withLock { state in
            if let client = state.generic.databricksClients[host] { return client }
            let client =
                host == session.databricks.host ? session.databricksAccount(transport) : workspaceClient(host)
            state.generic.databricksClients[host] = client
            return client
        }
    }

    /// The last response, or a failure saying which step makes one.
    func lastResponse() throws -> GenericResponse {
        guard let response = state.withLock({ $0.generic.lastResponse }) else {
            throw StepFailure(
                "there is no response yet: send a request first (When I send a GET request to S3 path \"/\", "
                    + "When I call IAM \"ListRoles\")")
        }
        return response
    }

    /// The headers of the `the request headers:` step, taken for the next request.
    func takePendingHeaders() -> [(name: String, value: String)] {
        state.withLock { state in
            defer { state.generic.pendingHeaders = [] }
            return state.generic.pendingHeaders
        }
    }
}
