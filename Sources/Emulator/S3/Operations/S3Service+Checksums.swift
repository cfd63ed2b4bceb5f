import AWSWire
import Crypto
import Foundation
import NIOCore
import NIOFoundationCompat

extension S3Service {
    /// Verifies `Content-MD5` and any `x-amz-checksum-*` value (header or aws-chunked trailer) against the body.
    /// - Parameters:
    ///   - context: The request.
    ///   - data: The (decoded) body.
    ///   - defaultAlgorithm: The checksum S3 computes when the client sends none (`CRC64NVME` for objects).
    /// - Returns: The checksums to store, by algorithm name (`CRC32`), base64 encoded.
    func verifyIntegrity(
        _ context: Context, data: ByteBuffer, defaultAlgorithm: ChecksumAlgorithm? = .crc64nvme
    ) throws(S3Error) -> [String: String] {
        if let md5 = context.request.header("content-md5") {
            guard let expected = Data(base64Encoded: md5), expected.count == 16 else { throw .invalidDigest() }
            let actual = Data(Insecure.MD5.hash(data: data.readableBytesView))
            guard actual == expected else {
                throw S3Error(
                    "BadDigest", .badRequest, "The Content-MD5 you specified did not match what we received.",
                    [("ExpectedDigest", Hex.encode(expected)), ("CalculatedDigest", md5)])
            }
        }
        var provided: [(ChecksumAlgorithm, String, String)] = []
        for header in context.request.headers {
            if let algorithm = ChecksumAlgorithm(headerName: header.name) {
                provided.append((algorithm, header.value, header.name.lowercased()))
            }
        }
        for trailer in context.trailers {
            if let algorithm = ChecksumAlgorithm(headerName: trailer.name) {
                provided.append((algorithm, trailer.value, trailer.name))
            }
        }
        if provided.count > 1 {
            throw .invalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.")
        }
        if let declared = context.request.header("x-amz-sdk-checksum-algorithm") {
            guard let algorithm = ChecksumAlgorithm(name: declared) else {
                throw .invalidRequest(
                    "Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]"
                )
            }
            if provided.isEmpty, context.request.header("x-amz-trailer") == nil {
                throw .invalidRequest(
                    "x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found."
                )
            }
            if let first = provided.first, first.0 != algorithm {
                throw .invalidRequest(
                    "Value for x-amz-sdk-checksum-algorithm header is invalid.")
            }
        }
        if let (algorithm, value, headerName) = provided.first {
            guard let decoded = Data(base64Encoded: value), decoded.count == algorithm.digestLength else {
                throw .invalidRequest("Value for \(headerName) header is invalid.")
            }
            let actual = algorithm.checksum(of: data.readableBytesView)
            guard actual == value else {
                throw S3Error(
                    "BadDigest", .badRequest,
                    "The \(algorithm.rawValue) you specified did not match the calculated checksum.")
            }
            return [algorithm.rawValue: value]
        }
        if let defaultAlgorithm {
            return [defaultAlgorithm.rawValue: defaultAlgorithm.checksum(of: data.readableBytesView)]
        }
        return [:]
    }
}
