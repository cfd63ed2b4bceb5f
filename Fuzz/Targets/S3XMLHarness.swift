#if DEBUG
import Crypto
@testable import Emulator
import Foundation
import NIOCore
import NIOHTTP1

/// Sends S3 XML request bodies to the in-process S3 service, operation by operation, as the emulator's root user.
///
/// The first byte of an input picks the operation (``Operation``), the rest is the body. Every input starts from an
/// empty S3 with the bucket `fuzz` and the object `fuzz/key` (and, for `CompleteMultipartUpload`, an upload of one
/// part), so that an input does the same whatever ran before it. Requests skip the signature check (the `auth`
/// target fuzzes that) but not authorization.
final class S3XMLHarness: Sendable {
    /// The operations whose bodies are XML (and `PutBucketPolicy`, whose body is a policy document).
    enum Operation: UInt8, CaseIterable {
        case deleteObjects, createBucket, completeMultipartUpload, putBucketTagging, putObjectTagging
        case putBucketVersioning, putPublicAccessBlock, putBucketEncryption, putBucketPolicy

        /// The request the body goes to, for the operations that need nothing made first.
        var target: (method: HTTPMethod, path: String)? {
            switch self {
            case .deleteObjects: (.POST, "/fuzz?delete")
            case .createBucket: (.PUT, "/fuzz-created")
            case .completeMultipartUpload: nil
            case .putBucketTagging: (.PUT, "/fuzz?tagging")
            case .putObjectTagging: (.PUT, "/fuzz/key?tagging")
            case .putBucketVersioning: (.PUT, "/fuzz?versioning")
            case .putPublicAccessBlock: (.PUT, "/fuzz?publicAccessBlock")
            case .putBucketEncryption: (.PUT, "/fuzz?encryption")
            case .putBucketPolicy: (.PUT, "/fuzz?policy")
            }
        }
    }

    static let shared = S3XMLHarness()

    private let harness = HarnessServices()
    private var services: EmulatorServices { harness.services }
    private var root: AWSCredential { harness.root }

    private init() {}

    func run(_ data: Data) {
        guard let (selector, body) = FuzzInput(data).selectorAndRest else { return }
        let operation = Operation.allCases[Int(selector) % Operation.allCases.count]
        try? services.s3.store.reset()
        send(.PUT, "/fuzz")
        send(.PUT, "/fuzz/key", body: Array("hello".utf8))
        if let target = operation.target {
            send(target.method, target.path, body: body)
        } else {
            // CompleteMultipartUpload, on an upload with one part.
            let created = send(.POST, "/fuzz/upload?uploads")
            let uploadId = Self.text(of: "UploadId", in: created) ?? "none"
            send(.PUT, "/fuzz/upload?partNumber=1&uploadId=\(uploadId)", body: Array("part".utf8))
            send(.POST, "/fuzz/upload?uploadId=\(uploadId)", body: body)
        }
    }

    /// Sends one path-style request with a `Content-MD5` of its body; returns the answer's body.
    @discardableResult
    private func send(_ method: HTTPMethod, _ uri: String, body: [UInt8] = []) -> String {
        var headers: HTTPHeaders = ["Host": "127.0.0.1:4566"]
        headers.add(name: "Content-MD5", value: Data(Insecure.MD5.hash(data: body)).base64EncodedString())
        headers.add(name: "Content-Length", value: String(body.count))
        let request = EmulatorRequest(
            method: method, uri: uri, headers: headers, body: ByteBuffer(bytes: body), remoteAddress: nil)
        let response = services.s3.handle(request, as: root)
        return String(buffer: response.body)
    }

    /// The text of the first `<name>` element of an answer the service wrote (without an XML parser: the `xml`
    /// target is the one that fuzzes that).
    private static func text(of name: String, in xml: String) -> String? {
        guard let start = xml.range(of: "<\(name)>"),
            let end = xml.range(of: "</\(name)>", range: start.upperBound..<xml.endIndex)
        else { return nil }
        return String(xml[start.upperBound..<end.lowerBound])
    }
}
#endif
