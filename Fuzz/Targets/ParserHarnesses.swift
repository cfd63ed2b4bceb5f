#if DEBUG
@testable import AWSWire
import Foundation

/// The harnesses of the AWSWire readers that need no service around them.
enum ParserHarnesses {
    static func xml(_ data: Data) {
        _ = try? XMLTree.parse(data)
        // The generic steps' XPath reads answers through the same libxml2 reader, then strips namespaces and walks
        // node sets: every element, and a count, of whatever parsed.
        _ = try? XMLXPath.evaluate("//*", in: data)
        _ = try? XMLXPath.evaluate("count(//@*)", in: data)
    }

    static func json(_ data: Data) {
        guard let document = try? AWSDocument.parseJSON(Array(data)) else { return }
        checkRoundTrip(document, write: { $0.jsonBytes() }, read: { try AWSDocument.parseJSON($0) }, format: "JSON")
    }

    static func cbor(_ data: Data) {
        guard let document = try? AWSDocument.parseCBOR(Array(data)) else { return }
        checkRoundTrip(document, write: { $0.cborBytes() }, read: { try AWSDocument.parseCBOR($0) }, format: "CBOR")
    }

    /// What the reader read, written again and read back, is the same document (``DocumentEquivalence``). Documents
    /// holding NaN or an infinity (which neither format can carry as a number) are left out.
    private static func checkRoundTrip(
        _ document: AWSDocument, write: (AWSDocument) -> [UInt8], read: ([UInt8]) throws -> AWSDocument,
        format: String
    ) {
        guard DocumentEquivalence.isFinite(document) else { return }
        let written = write(document)
        let reread: AWSDocument
        do {
            reread = try read(written)
        } catch {
            preconditionFailure("\(format) written from a parsed document does not parse: \(error)")
        }
        precondition(
            DocumentEquivalence.equivalent(reread, document),
            "\(format) written and read again differs: \(document) vs \(reread)")
    }

    /// The signing context of AWS's aws-chunked example (secret `test` here), computed once.
    private static let chunkContext = ChunkSigningContext(
        signingKey: SigV4.signingKey(secretAccessKey: "test", date: "20130524", region: "us-east-1", service: "s3"),
        amzDate: "20130524T000000Z", credentialScope: "20130524/us-east-1/s3/aws4_request",
        seedSignature: "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9")

    static func chunked(_ data: Data) {
        guard let (selector, body) = FuzzInput(data).selectorAndRest else { return }
        let mode: AWSChunkedMode =
            switch selector % 3 {
            case 0: .unsignedWithTrailer
            case 1: .signed(chunkContext)
            default: .signedWithTrailer(chunkContext)
            }
        // Half the inputs announce no decoded length, the other half one taken from the selector's high bits.
        let decodedContentLength: Int? = selector & 0x80 == 0 ? nil : Int(selector >> 2 & 0x1F)
        _ = try? AWSChunkedDecoder.decode(body, mode: mode, decodedContentLength: decodedContentLength)
    }
}
#endif
