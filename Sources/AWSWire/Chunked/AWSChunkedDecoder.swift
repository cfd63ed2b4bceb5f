/// Decodes `Content-Encoding: aws-chunked` bodies in one pass over a contiguous buffer, verifying the chain of chunk
/// signatures and the trailer signature of the signed modes.
///
/// The decoder enforces what S3 enforces: every chunk but the last data chunk is at least 8 KiB
/// (``minimumChunkSize``), every signed chunk carries a valid signature, the trailer section ends with an empty line,
/// and the payload is `x-amz-decoded-content-length` bytes long. It does not check the trailing checksum against the
/// payload: that is the service's business (``ChecksumAlgorithm``), as for a checksum sent in a header. Bytes after the
/// closing empty line are ignored. Garbage never traps: every failure is an ``AWSChunkedError``.
public enum AWSChunkedDecoder {
    /// The smallest chunk S3 accepts when another data chunk follows it (8 KiB).
    public static let minimumChunkSize = 8 * 1024
    /// The longest chunk header or trailer line read before the body is refused.
    public static let maximumLineLength = 4096
    /// The most trailing headers read before the body is refused.
    public static let maximumTrailerCount = 64

    /// Decodes a body.
    /// - Parameters:
    ///   - body: The body as received; contiguous collections (`[UInt8]`, `Data`, NIO's `ByteBufferView`) are read in
    ///     place, others are copied once.
    ///   - mode: The framing `x-amz-content-sha256` announced, with the signing context of the signed modes.
    ///   - decodedContentLength: `x-amz-decoded-content-length`, checked against the payload when given.
    /// - Returns: The payload and the trailing headers.
    /// - Throws: ``AWSChunkedError``.
    public static func decode<Bytes: Sequence>(
        _ body: Bytes, mode: AWSChunkedMode, decodedContentLength: Int?
    ) throws(AWSChunkedError) -> AWSChunkedDecoded where Bytes.Element == UInt8 {
        let decodeInPlace = { (buffer: UnsafeBufferPointer<UInt8>) in
            Result { () throws(AWSChunkedError) in
                try decode(UnsafeRawBufferPointer(buffer), mode: mode, decodedContentLength: decodedContentLength)
            }
        }
        if let result = body.withContiguousStorageIfAvailable(decodeInPlace) {
            return try result.get()
        }
        return try Array(body).withUnsafeBufferPointer(decodeInPlace).get()
    }

    static func decode(
        _ body: UnsafeRawBufferPointer, mode: AWSChunkedMode, decodedContentLength: Int?
    ) throws(AWSChunkedError) -> AWSChunkedDecoded {
        var reader = Reader(body)
        var payload: [UInt8] = []
        payload.reserveCapacity(min(max(decodedContentLength ?? body.count, 0), body.count))
        let context = mode.context
        var previousSignature = context?.seedSignature ?? ""
        var previousSize: Int?
        var chunkNumber = 0

        // MARK: Chunks
        while true {
            let header = try reader.line()
            let (size, signature) = try parseChunkHeader(header, of: body, signed: context != nil)
            chunkNumber += 1
            if size > 0, let previousSize, previousSize < minimumChunkSize {
                throw .chunkTooSmall(chunk: chunkNumber, size: previousSize)
            }
            guard size <= reader.remaining else { throw .incompleteBody }
            let data = reader.take(size)
            if let context, let signature {
                let expected = context.chunkSignature(previous: previousSignature, chunk: data)
                guard constantTimeEquals(expected, body, signature) else { throw .chunkSignatureMismatch }
                previousSignature = expected
            }
            if size == 0 { break }
            payload.append(contentsOf: data)
            try reader.expectCRLF()
            previousSize = size
        }

        // MARK: Trailers
        var trailers: [(name: String, value: String)] = []
        if mode.hasTrailer {
            var trailerSignature: String?
            while true {
                let line = try reader.line()
                if line.isEmpty { break }
                let (name, value) = try parseTrailer(line, of: body)
                if name == "x-amz-trailer-signature" {
                    trailerSignature = value
                } else {
                    guard trailers.count < maximumTrailerCount else { throw .malformedTrailer("too many trailers") }
                    trailers.append((name, value))
                }
            }
            if case .signedWithTrailer(let context) = mode {
                let expected = context.trailerSignature(previous: previousSignature, trailers: trailers)
                guard let trailerSignature, SigV4.constantTimeEquals(expected, trailerSignature) else {
                    throw .trailerSignatureMismatch
                }
            }
        } else {
            try reader.expectCRLF()
        }

        if let decodedContentLength, decodedContentLength != payload.count {
            throw .decodedLengthMismatch(expected: decodedContentLength, actual: payload.count)
        }
        return AWSChunkedDecoded(payload: payload, trailers: trailers)
    }

    // MARK: - Lines

    /// Parses `hex-size` or `hex-size;chunk-signature=<64 hex digits>`.
    /// - Returns: The size, and where the signature lies in the body (signed modes only).
    static func parseChunkHeader(
        _ line: Range<Int>, of body: UnsafeRawBufferPointer, signed: Bool
    ) throws(AWSChunkedError) -> (size: Int, signature: Range<Int>?) {
        var index = line.lowerBound
        var size = 0
        while index < line.upperBound, body[index] != UInt8(ascii: ";") {
            guard let digit = hexValue(body[index]) else { throw .malformedChunk("chunk size is not hexadecimal") }
            guard size <= Int.max >> 4 else { throw .malformedChunk("chunk size is too large") }
            size = size << 4 | digit
            index += 1
        }
        guard index > line.lowerBound else { throw .malformedChunk("missing chunk size") }
        guard signed else { return (size, nil) }  // unsigned chunks: extensions, if any, are ignored
        let prefix = ";chunk-signature="
        guard line.upperBound - index == prefix.utf8.count + 64,
            prefix.utf8.elementsEqual(body[index..<(index + prefix.utf8.count)])
        else { throw .malformedChunk("missing chunk-signature") }
        return (size, (line.upperBound - 64)..<line.upperBound)
    }

    /// Parses `name:value` (the value trimmed of spaces and tabs, the name lowercased).
    static func parseTrailer(
        _ line: Range<Int>, of body: UnsafeRawBufferPointer
    ) throws(AWSChunkedError) -> (name: String, value: String) {
        let text = UnsafeRawBufferPointer(rebasing: body[line])
        guard let colon = text.firstIndex(of: UInt8(ascii: ":")), colon > 0,
            text[..<colon].allSatisfy(isTokenCharacter)
        else { throw .malformedTrailer(String(decoding: text.prefix(100), as: UTF8.self)) }
        var valueStart = colon + 1
        var valueEnd = text.count
        while valueStart < valueEnd, text[valueStart] == UInt8(ascii: " ") || text[valueStart] == UInt8(ascii: "\t") {
            valueStart += 1
        }
        while valueEnd > valueStart, text[valueEnd - 1] == UInt8(ascii: " ") || text[valueEnd - 1] == UInt8(ascii: "\t")
        {
            valueEnd -= 1
        }
        let name = String(decoding: text[..<colon], as: UTF8.self).lowercased()
        return (name, String(decoding: text[valueStart..<valueEnd], as: UTF8.self))
    }

    // MARK: - Bytes

    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte &- UInt8(ascii: "a") &+ 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte &- UInt8(ascii: "A") &+ 10)
        default: nil
        }
    }

    /// The characters of an HTTP header name (RFC 9110 `token`).
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// Compares a computed signature with the one on the wire, in time independent of where they differ.
    static func constantTimeEquals(_ expected: String, _ body: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        guard expected.utf8.count == range.count else { return false }
        var difference: UInt8 = 0
        var index = range.lowerBound
        for byte in expected.utf8 {
            difference |= byte ^ body[index]
            index += 1
        }
        return difference == 0
    }

    // MARK: - Reader

    /// A cursor over the body.
    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        var remaining: Int { bytes.count - offset }

        /// The bytes before the next CRLF, which is consumed.
        mutating func line() throws(AWSChunkedError) -> Range<Int> {
            let limit = min(bytes.count, offset + AWSChunkedDecoder.maximumLineLength + 2)
            var index = offset
            while index + 1 < limit {
                if bytes[index] == UInt8(ascii: "\r"), bytes[index + 1] == UInt8(ascii: "\n") {
                    defer { offset = index + 2 }
                    return offset..<index
                }
                index += 1
            }
            guard limit < bytes.count else { throw .incompleteBody }
            throw .malformedChunk("line longer than \(AWSChunkedDecoder.maximumLineLength) bytes")
        }

        /// The next `count` bytes (`count <= remaining`).
        mutating func take(_ count: Int) -> UnsafeRawBufferPointer {
            defer { offset += count }
            return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
        }

        /// Consumes a CRLF.
        mutating func expectCRLF() throws(AWSChunkedError) {
            guard remaining >= 2 else { throw .incompleteBody }
            guard bytes[offset] == UInt8(ascii: "\r"), bytes[offset + 1] == UInt8(ascii: "\n") else {
                throw .malformedChunk("expected CRLF")
            }
            offset += 2
        }
    }
}
