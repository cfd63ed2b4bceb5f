// TEMPORARY: stand-ins until AWSWire checksums/aws-chunked and PolicyEngine validation land. Delete then.
import Foundation
import Crypto

enum ChecksumAlgorithm: String, CaseIterable, Sendable {
    case crc32 = "CRC32", crc32c = "CRC32C", crc64nvme = "CRC64NVME", sha1 = "SHA1", sha256 = "SHA256"
    init?(headerName: String) { nil }
    init?(name: String) { self.init(rawValue: name.uppercased()) }
    var digestLength: Int { 4 }
    func checksum<C: Collection>(of bytes: C) -> String where C.Element == UInt8 { "" }
}
struct ChecksumHasher {
    init(_ algorithm: ChecksumAlgorithm) {}
    mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {}
    func finalize() -> [UInt8] { [0, 0, 0, 0] }
}
struct ChunkSigningContext: Sendable {
    var signingKey: [UInt8]; var amzDate: String; var credentialScope: String; var seedSignature: String
}
enum AWSChunkedMode: Sendable { case unsignedWithTrailer, signed(ChunkSigningContext), signedWithTrailer(ChunkSigningContext) }
public enum AWSChunkedError: Error, Sendable, Equatable { case malformedChunk(String), incompleteBody, chunkSignatureMismatch, trailerSignatureMismatch, chunkTooSmall, malformedTrailer(String), decodedLengthMismatch(expected: Int, actual: Int) }
struct AWSChunkedDecoded { var payload: [UInt8]; var trailers: [(name: String, value: String)] }
enum AWSChunkedDecoder {
    static func decode<C: Collection>(_ body: C, mode: AWSChunkedMode, decodedContentLength: Int?) throws(AWSChunkedError) -> AWSChunkedDecoded where C.Element == UInt8 { throw .incompleteBody }
}
