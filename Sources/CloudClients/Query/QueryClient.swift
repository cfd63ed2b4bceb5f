import AWSWire
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A client of an AWS query-protocol service (IAM, STS): form-encoded `Action=...&Version=...` POSTs signed with
/// SigV4, XML answers.
///
/// ```swift
/// let iam = QueryClient(endpoint: url, credentials: credentials, service: "iam", version: "2010-05-08")
/// let result = try await iam.call("GetUser")          // the <GetUserResult> element
/// print(result.child("User")?.text(of: "Arn") ?? "")
/// ```
public struct QueryClient: Sendable {
    /// The service endpoint (`http://127.0.0.1:4566`).
    public var endpoint: URL
    /// The signer (its service is the signing name: `iam`, `sts`).
    public var signer: SigV4Signer
    /// The API version sent with every action (`2010-05-08` for IAM, `2011-06-15` for STS).
    public var version: String
    /// How requests are sent: retries, timeout, capture.
    public var transport: HTTPTransport

    /// Creates a client.
    /// - Parameters:
    ///   - endpoint: The service endpoint.
    ///   - credentials: The credentials to sign with.
    ///   - service: The signing name (`iam`, `sts`).
    ///   - version: The API version.
    ///   - region: The signing region.
    ///   - transport: How requests are sent.
    public init(
        endpoint: URL, credentials: AWSCredentials, service: String, version: String, region: String = "us-east-1",
        transport: HTTPTransport = HTTPTransport()
    ) {
        self.endpoint = endpoint
        self.signer = SigV4Signer(credentials: credentials, region: region, service: service)
        self.version = version
        self.transport = transport
    }

    /// Sends an action and returns the raw response, whatever its status.
    /// - Parameters:
    ///   - action: The action (`CreateRole`).
    ///   - parameters: Its parameters, flattened as the query protocol sends them (`Tags.member.1.Key`).
    /// - Returns: The response.
    public func send(_ action: String, _ parameters: [(String, String)] = []) async throws -> HTTPResponse {
        let items = [("Action", action), ("Version", version)] + parameters
        let body = items.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }
            .joined(separator: "&")
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded; charset=utf-8", forHTTPHeaderField: "Content-Type")
        let data = Data(body.utf8)
        request.httpBody = data
        let signer = self.signer
        let hash = SigV4.sha256Hex(bytes: data)
        return try await transport.send(request) { signer.sign(&$0, payloadHash: hash) }
    }

    /// Calls an action and returns its `<{Action}Result>` element (empty for actions without one).
    /// - Throws: ``AWSServiceError`` with the service's code and message when the answer is not a success.
    public func call(_ action: String, _ parameters: [(String, String)] = []) async throws -> XMLTree {
        let response = try await send(action, parameters)
        guard (200..<300).contains(response.status) else { throw AWSServiceError(xmlResponse: response) }
        let tree = try XMLTree.parse(response.body)
        return tree.child("\(action)Result") ?? XMLTree(name: "\(action)Result")
    }
}
