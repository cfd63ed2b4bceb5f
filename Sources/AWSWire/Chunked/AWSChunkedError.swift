/// Why an aws-chunked body was refused. Each case notes the error S3 answers with.
public enum AWSChunkedError: Error, Sendable, Equatable {
    /// A chunk header or the framing around the data is not well formed: a size that is not hexadecimal or too large,
    /// a signed chunk without `;chunk-signature=<64 hex digits>`, data not followed by CRLF, a line too long.
    /// S3: `IncompleteBody` (400), "The request body terminated unexpectedly".
    case malformedChunk(String)
    /// The body ends before its framing does (a chunk shorter than its size, no final chunk, no closing empty line).
    /// S3: `IncompleteBody` (400), "The request body terminated unexpectedly".
    case incompleteBody
    /// A chunk's signature does not verify. S3: `SignatureDoesNotMatch` (403).
    case chunkSignatureMismatch
    /// The trailer signature does not verify, or is missing in `STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER`.
    /// S3: `SignatureDoesNotMatch` (403).
    case trailerSignatureMismatch
    /// A chunk other than the last data chunk is smaller than 8 KiB (``AWSChunkedDecoder/minimumChunkSize``).
    /// S3 enforces this in every aws-chunked mode, unsigned included: `InvalidChunkSizeError` (403), "Only the last
    /// chunk is allowed to have a size less than 8192 bytes", with `<Chunk>` and `<BadChunkSize>` elements.
    /// - Parameters:
    ///   - chunk: The 1-based number of the chunk that showed the small one was not the last: S3's `<Chunk>`.
    ///   - size: The small chunk's size: S3's `<BadChunkSize>`.
    case chunkTooSmall(chunk: Int, size: Int)
    /// A trailing header line is not `name:value`. S3: `MalformedTrailerError` (400), "The request contained trailing
    /// data that was not well-formed or did not conform to our published schema."
    case malformedTrailer(String)
    /// The payload's length differs from `x-amz-decoded-content-length`. S3: `IncompleteBody` (400), "You did not
    /// provide the number of bytes specified by the Content-Length HTTP header".
    case decodedLengthMismatch(expected: Int, actual: Int)
}
