import AWSWire
import NIOCore
import NIOHTTP1

/// The two encodings Kinesis accepts on the same operations: JSON 1.1 (blobs in base64) and CBOR 1.1 (the AWS SDK for
/// Java's default). A request is answered in the encoding it came in.
enum KinesisProtocol: Sendable {
    case json
    case cbor

    static let jsonContentType = "application/x-amz-json-1.1"
    static let cborContentType = "application/x-amz-cbor-1.1"

    init(contentType: String?) {
        self = (contentType?.lowercased().hasPrefix(Self.cborContentType) ?? false) ? .cbor : .json
    }

    var contentType: String { self == .cbor ? Self.cborContentType : Self.jsonContentType }

    /// The request's members.
    /// - Throws: `SerializationException` for a body that is not a document of this encoding, or not a structure.
    func decode(_ body: ByteBuffer) throws(KinesisError) -> [String: AWSDocument] {
        let bytes = Array(body.readableBytesView)
        if bytes.isEmpty { return [:] }
        let document: AWSDocument
        do {
            document = self == .cbor ? try AWSDocument.parseCBOR(bytes) : try AWSDocument.parseJSON(bytes)
        } catch {
            throw .serialization(
                self == .cbor
                    ? "Unable to parse the CBOR request body: \(error.reason)"
                    : "Start of structure or map found where not expected: \(error.reason)")
        }
        guard case .map(let members) = document else {
            throw .serialization("The request body must be a structure.")
        }
        return members
    }

    /// The response for an answer or an error.
    func response(_ document: AWSDocument, status: HTTPResponseStatus = .ok, requestId: String) -> EmulatorResponse {
        let bytes = self == .cbor ? document.cborBytes() : document.jsonBytes()
        return EmulatorResponse(
            status: status, headers: ["Content-Type": contentType, "x-amzn-RequestId": requestId],
            body: ByteBuffer(bytes: bytes))
    }
}
