import AWSWire
import Crypto
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An S3 client over URLSession (libcurl): path-style requests signed with SigV4.
public struct S3Client: Sendable {
    /// The service endpoint (`http://127.0.0.1:4566`).
    public var endpoint: URL
    /// The signer.
    public var signer: SigV4Signer
    /// How requests are sent: retries, timeout, capture.
    public var transport: HTTPTransport

    /// Creates a client.
    public init(
        endpoint: URL, credentials: AWSCredentials, region: String = "us-east-1",
        transport: HTTPTransport = HTTPTransport()
    ) {
        self.endpoint = endpoint
        self.signer = SigV4Signer(credentials: credentials, region: region, service: "s3")
        self.transport = transport
    }

    /// The URL of a bucket or object, path style, with a raw query.
    public func url(bucket: String? = nil, key: String? = nil, query: String? = nil) -> URL {
        var path = ""
        if let bucket { path += "/" + PercentEncoding.encode(bucket) }
        if let key { path += "/" + PercentEncoding.encode(key, encodeSlash: false) }
        var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false)!
        components.percentEncodedPath = path.isEmpty ? "/" : path
        components.percentEncodedQuery = query
        return components.url!
    }

    /// Sends a signed request and returns the response whatever its status.
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - bucket: The bucket, if any.
    ///   - key: The key, if any.
    ///   - query: The raw query (`uploads`, `list-type=2&prefix=a`), already percent-encoded.
    ///   - headers: Extra headers (signed when they are `x-amz-*`, `content-type`, `content-md5` or `range`).
    ///   - body: The body.
    ///   - unsignedPayload: Sign `UNSIGNED-PAYLOAD` instead of the body's hash.
    ///   - date: The signing time (tests move it to provoke skew errors); by default each attempt's own.
    public func send(
        _ method: String, bucket: String? = nil, key: String? = nil, query: String? = nil,
        headers: [String: String] = [:], body: Data = Data(), unsignedPayload: Bool = false, date: Date? = nil
    ) async throws -> HTTPResponse {
        var request = URLRequest(url: url(bucket: bucket, key: key, query: query))
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if !body.isEmpty || method == "PUT" || method == "POST" { request.httpBody = body }
        let payloadHash = unsignedPayload ? SigV4.unsignedPayload : SigV4.sha256Hex(bytes: body)
        let signer = self.signer
        return try await transport.send(request) { request in
            signer.sign(&request, payloadHash: payloadHash, date: date ?? Date())
        }
    }

    /// Sends a prepared request (already signed, or deliberately not).
    public func perform(_ request: URLRequest) async throws -> HTTPResponse {
        try await transport.send(request)
    }

    // MARK: - Typed conveniences

    /// Sends a request and throws ``AWSServiceError`` unless the status is 2xx.
    @discardableResult
    public func expectSuccess(
        _ method: String, bucket: String? = nil, key: String? = nil, query: String? = nil,
        headers: [String: String] = [:], body: Data = Data()
    ) async throws -> HTTPResponse {
        let response = try await send(method, bucket: bucket, key: key, query: query, headers: headers, body: body)
        guard (200..<300).contains(response.status) else { throw AWSServiceError(xmlResponse: response) }
        return response
    }

    /// Creates a bucket (with a location constraint outside us-east-1).
    public func createBucket(_ name: String, region: String? = nil) async throws {
        var body = Data()
        if let region, region != "us-east-1" {
            body = Data(
                "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>\(region)</LocationConstraint></CreateBucketConfiguration>"
                    .utf8)
        }
        try await expectSuccess("PUT", bucket: name, body: body)
    }

    /// Stores an object and returns its ETag.
    @discardableResult
    public func putObject(
        bucket: String, key: String, body: Data, headers: [String: String] = [:]
    ) async throws -> String {
        let response = try await expectSuccess("PUT", bucket: bucket, key: key, headers: headers, body: body)
        return response.header("etag") ?? ""
    }

    /// Reads an object's bytes.
    public func getObject(bucket: String, key: String, headers: [String: String] = [:]) async throws -> Data {
        try await expectSuccess("GET", bucket: bucket, key: key, headers: headers).body
    }

    /// Deletes an object.
    public func deleteObject(bucket: String, key: String) async throws {
        try await expectSuccess("DELETE", bucket: bucket, key: key)
    }

    /// Lists keys with ListObjectsV2, following continuation tokens.
    public func listKeys(bucket: String, prefix: String = "") async throws -> [String] {
        var keys: [String] = []
        var token: String?
        repeat {
            var query = "list-type=2&prefix=\(PercentEncoding.encode(prefix))"
            if let token { query += "&continuation-token=\(PercentEncoding.encode(token))" }
            let response = try await expectSuccess("GET", bucket: bucket, query: query)
            let tree = try XMLTree.parse(response.body)
            keys += tree.children("Contents").compactMap { $0.text(of: "Key") }
            token = tree.text(of: "IsTruncated") == "true" ? tree.text(of: "NextContinuationToken") : nil
        } while token != nil
        return keys
    }
}
