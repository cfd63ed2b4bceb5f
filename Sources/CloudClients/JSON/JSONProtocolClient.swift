import AWSWire
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A client of an AWS JSON 1.1 or CBOR 1.1 service (Kinesis): `POST /` with `X-Amz-Target: <prefix>.<Operation>`,
/// signed with SigV4, bodies as ``AWSDocument``s.
public struct JSONProtocolClient: Sendable {
    /// The encoding of bodies.
    public enum Encoding: Sendable {
        case json
        case cbor

        var contentType: String { self == .json ? "application/x-amz-json-1.1" : "application/x-amz-cbor-1.1" }
    }

    /// The service's endpoint.
    public let endpoint: URL
    /// The signer (its service is the signing name: `kinesis`).
    public var signer: SigV4Signer
    /// The operation prefix of `X-Amz-Target` (`Kinesis_20131202`).
    public var targetPrefix: String
    /// The encoding of requests (answers come back the same way).
    public var encoding: Encoding
    /// How requests are sent: retries, timeout, capture.
    public var transport: HTTPTransport

    /// Creates a client.
    public init(
        endpoint: URL, credentials: AWSCredentials, service: String, targetPrefix: String, encoding: Encoding = .json,
        region: String = "us-east-1", transport: HTTPTransport = HTTPTransport()
    ) {
        self.transport = transport
        self.endpoint = endpoint
        self.signer = SigV4Signer(credentials: credentials, region: region, service: service)
        self.targetPrefix = targetPrefix
        self.encoding = encoding
    }

    /// An answer: the status and the decoded body (an error's `__type` and `message` included).
    public struct Answer: Sendable {
        public var status: Int
        public var document: AWSDocument
        /// The error type of an error answer.
        public var errorType: String? { status >= 300 ? document["__type"]?.string : nil }
    }

    /// Calls an operation.
    /// - Throws: Transport errors, or ``AWSDocument/SyntaxError`` when the answer cannot be decoded.
    public func call(_ operation: String, _ input: [String: AWSDocument] = [:]) async throws -> Answer {
        let body = encoding == .json ? AWSDocument.map(input).jsonBytes() : AWSDocument.map(input).cborBytes()
        return try await send(operation, body: body)
    }

    /// Sends raw body bytes (for tests of malformed input).
    public func send(_ operation: String, body: [UInt8]) async throws -> Answer {
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue(encoding.contentType, forHTTPHeaderField: "Content-Type")
        request.setValue("\(targetPrefix).\(operation)", forHTTPHeaderField: "X-Amz-Target")
        let signer = self.signer
        let hash = SigV4.sha256Hex(bytes: body)
        let response = try await transport.send(request) { signer.sign(&$0, payloadHash: hash) }
        let status = response.status
        let bytes = Array(response.body)
        let contentType = response.header("content-type") ?? ""
        let document =
            bytes.isEmpty
            ? AWSDocument.map([:])
            : contentType.contains("cbor") ? try AWSDocument.parseCBOR(bytes) : try AWSDocument.parseJSON(bytes)
        return Answer(status: status, document: document)
    }
}
