/// How an aws-chunked body is framed, as its `x-amz-content-sha256` header announces.
public enum AWSChunkedMode: Sendable, Equatable {
    /// `STREAMING-UNSIGNED-PAYLOAD-TRAILER`: plain chunks `hex-size\r\n<data>\r\n`, the final `0\r\n`, the trailing
    /// headers (`x-amz-checksum-crc32:<base64>\r\n`) and an empty line. boto3's default for PutObject and UploadPart.
    case unsignedWithTrailer
    /// `STREAMING-AWS4-HMAC-SHA256-PAYLOAD`: every chunk `hex-size;chunk-signature=<sig>\r\n<data>\r\n`, ending with
    /// `0;chunk-signature=<sig>\r\n\r\n`.
    case signed(ChunkSigningContext)
    /// `STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER`: signed chunks, the final signed empty chunk, the trailing headers,
    /// `x-amz-trailer-signature:<sig>\r\n` and an empty line.
    case signedWithTrailer(ChunkSigningContext)

    /// The signing context of the signed modes.
    var context: ChunkSigningContext? {
        switch self {
        case .unsignedWithTrailer: nil
        case .signed(let context), .signedWithTrailer(let context): context
        }
    }

    /// Whether trailing headers follow the final chunk.
    var hasTrailer: Bool {
        if case .signed = self { return false }
        return true
    }
}
