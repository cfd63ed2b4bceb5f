import Crypto

/// What signs the chunks of a `STREAMING-AWS4-HMAC-SHA256-PAYLOAD` body: the request's signing key, time, scope and
/// its header signature (the seed of the chain).
public struct ChunkSigningContext: Sendable, Equatable {
    /// The SigV4 signing key of the request.
    public var signingKey: [UInt8]
    /// The request time (`X-Amz-Date`).
    public var amzDate: String
    /// The credential scope.
    public var credentialScope: String
    /// The request's signature, which the first chunk signature chains from.
    public var seedSignature: String

    /// Creates a context.
    public init(signingKey: [UInt8], amzDate: String, credentialScope: String, seedSignature: String) {
        self.signingKey = signingKey
        self.amzDate = amzDate
        self.credentialScope = credentialScope
        self.seedSignature = seedSignature
    }

    /// The signature of one chunk, chained from the previous one.
    public func chunkSignature(previous: String, chunk: UnsafeRawBufferPointer) -> String {
        let stringToSign =
            "AWS4-HMAC-SHA256-PAYLOAD\n\(amzDate)\n\(credentialScope)\n\(previous)\n\(SigV4.emptyPayloadHash)\n"
            + Hex.encode(SHA256.hash(data: chunk))
        return SigV4.signature(signingKey: signingKey, stringToSign: stringToSign)
    }

    /// The signature of the trailer lines (`name:value\n` each), chained from the final chunk's.
    public func trailerSignature(previous: String, trailers: [(name: String, value: String)]) -> String {
        let text = trailers.map { "\($0.name):\($0.value)\n" }.joined()
        let stringToSign =
            "AWS4-HMAC-SHA256-TRAILER\n\(amzDate)\n\(credentialScope)\n\(previous)\n\(SigV4.sha256Hex(text))"
        return SigV4.signature(signingKey: signingKey, stringToSign: stringToSign)
    }
}

/// How an aws-chunked body is framed (from `x-amz-content-sha256`).
public enum AWSChunkedMode: Sendable, Equatable {
    /// `STREAMING-UNSIGNED-PAYLOAD-TRAILER`: plain chunks, then trailing headers (boto3's default for uploads).
    case unsignedWithTrailer
    /// `STREAMING-AWS4-HMAC-SHA256-PAYLOAD`: every chunk signed.
    case signed(ChunkSigningContext)
    /// `STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER`: signed chunks, then signed trailing headers.
    case signedWithTrailer(ChunkSigningContext)

    var context: ChunkSigningContext? {
        switch self {
        case .unsignedWithTrailer: nil
        case .signed(let context), .signedWithTrailer(let context): context
        }
    }

    var hasTrailer: Bool {
        if case .signed = self { return false }
        return true
    }
}

/// A decoded aws-chunked body.
public struct AWSChunkedDecoded: Sendable {
    /// The payload: the chunks' data, concatenated.
    public var payload: [UInt8]
    /// The trailing headers, names lowercased (`x-amz-checksum-crc32`).
    public var trailers: [(name: String, value: String)]
}

/// Why an aws-chunked body was refused.
public enum AWSChunkedError: Error, Sendable, Equatable {
    /// A chunk header or its framing is not well formed.
    case malformedChunk(String)
    /// The body ends before its framing does.
    case incompleteBody
    /// A chunk's signature does not verify.
    case chunkSignatureMismatch
    /// The trailer's signature does not verify or is missing.
    case trailerSignatureMismatch
    /// A signed chunk other than the last is smaller than 8 KiB.
    case chunkTooSmall
    /// A trailing header is not `name:value`.
    case malformedTrailer(String)
    /// The payload's length differs from `x-amz-decoded-content-length`.
    case decodedLengthMismatch(expected: Int, actual: Int)
}
