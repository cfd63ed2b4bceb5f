/// Encodes a payload as `Content-Encoding: aws-chunked`, for clients and tests.
///
/// The request then carries `Content-Encoding: aws-chunked`, `x-amz-decoded-content-length: <payload.count>`, the
/// mode's `x-amz-content-sha256` value and, in the trailer modes, `x-amz-trailer` naming the trailers.
public enum AWSChunkedEncoder {
    /// Encodes a payload.
    /// - Parameters:
    ///   - payload: The bytes to send.
    ///   - chunkSize: The size of every chunk but the last; S3 refuses chunks under 8 KiB that are not the last
    ///     (``AWSChunkedDecoder/minimumChunkSize``). Values below 1 count as 1.
    ///   - mode: The framing, with the signing context of the signed modes.
    ///   - trailers: The trailing headers (`("x-amz-checksum-crc32", "DUoRhQ==")`), written in this order; ignored in
    ///     ``AWSChunkedMode/signed(_:)``, which has none.
    /// - Returns: The body.
    public static func encode(
        _ payload: [UInt8], chunkSize: Int, mode: AWSChunkedMode, trailers: [(String, String)]
    ) -> [UInt8] {
        let chunkSize = max(chunkSize, 1)
        let context = mode.context
        var body: [UInt8] = []
        body.reserveCapacity(payload.count + (payload.count / chunkSize + 2) * 90 + trailers.count * 80 + 100)
        var previousSignature = context?.seedSignature ?? ""

        func appendChunk(_ range: Range<Int>) {
            body.append(contentsOf: String(range.count, radix: 16).utf8)
            if let context {
                previousSignature = payload.withUnsafeBytes { bytes in
                    let chunk = UnsafeRawBufferPointer(rebasing: bytes[range])
                    return context.chunkSignature(previous: previousSignature, chunk: chunk)
                }
                body.append(contentsOf: ";chunk-signature=".utf8)
                body.append(contentsOf: previousSignature.utf8)
            }
            body.append(contentsOf: crlf)
            guard !range.isEmpty else { return }  // the final chunk has no data, hence no CRLF after it
            body.append(contentsOf: payload[range])
            body.append(contentsOf: crlf)
        }

        var start = 0
        while start < payload.count {
            let end = start + min(chunkSize, payload.count - start)
            appendChunk(start..<end)
            start = end
        }
        appendChunk(payload.count..<payload.count)
        if mode.hasTrailer {
            for (name, value) in trailers {
                body.append(contentsOf: "\(name):\(value)".utf8)
                body.append(contentsOf: crlf)
            }
            if let context {
                let lines = trailers.map { (name: $0.0, value: $0.1) }
                let signature = context.trailerSignature(previous: previousSignature, trailers: lines)
                body.append(contentsOf: "x-amz-trailer-signature:\(signature)".utf8)
                body.append(contentsOf: crlf)
            }
        }
        body.append(contentsOf: crlf)
        return body
    }

    private static let crlf: [UInt8] = [13, 10]
}
