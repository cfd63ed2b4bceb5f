/// Encodes a payload as `Content-Encoding: aws-chunked` (for clients and tests).
public enum AWSChunkedEncoder {
    /// Encodes a payload.
    /// - Parameters:
    ///   - payload: The bytes to send.
    ///   - chunkSize: The size of every chunk but the last (at least 8 KiB for signed chunks to be accepted by S3).
    ///   - mode: The framing (and the signing context for signed chunks).
    ///   - trailers: Trailing headers (`x-amz-checksum-crc32`), for the trailer modes.
    /// - Returns: The body.
    public static func encode(
        _ payload: [UInt8], chunkSize: Int, mode: AWSChunkedMode, trailers: [(String, String)]
    ) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(payload.count + payload.count / max(chunkSize, 1) * 100 + 200)
        let context = mode.context
        var previous = context?.seedSignature ?? ""
        var start = 0
        func appendChunk(_ range: Range<Int>) {
            var header = String(range.count, radix: 16)
            if let context {
                let signature = payload[range].withUnsafeBytes { context.chunkSignature(previous: previous, chunk: $0) }
                header += ";chunk-signature=\(signature)"
                previous = signature
            }
            out += Array((header + "\r\n").utf8)
            out += payload[range]
            if !range.isEmpty { out += [13, 10] }
        }
        while start < payload.count {
            let end = min(start + max(chunkSize, 1), payload.count)
            appendChunk(start..<end)
            start = end
        }
        appendChunk(payload.count..<payload.count)
        if mode.hasTrailer {
            let lines = trailers.map { (name: $0.0, value: $0.1) }
            for line in lines { out += Array("\(line.name):\(line.value)\r\n".utf8) }
            if let context {
                out += Array(
                    "x-amz-trailer-signature:\(context.trailerSignature(previous: previous, trailers: lines))\r\n".utf8)
            }
        }
        out += [13, 10]
        return out
    }
}
