/// Decodes `Content-Encoding: aws-chunked` bodies in one pass, verifying chunk and trailer signatures.
public enum AWSChunkedDecoder {
    /// The smallest signed chunk S3 accepts, but for the last one.
    public static let minimumSignedChunkSize = 8 * 1024
    /// The longest chunk-size or trailer line read before giving up.
    static let maximumLineLength = 4096

    /// Decodes a body.
    /// - Parameters:
    ///   - body: The body as received.
    ///   - mode: The framing `x-amz-content-sha256` announced.
    ///   - decodedContentLength: `x-amz-decoded-content-length`, checked when given.
    /// - Returns: The payload and the trailing headers.
    /// - Throws: ``AWSChunkedError``; garbage never traps.
    public static func decode<Bytes: Sequence>(
        _ body: Bytes, mode: AWSChunkedMode, decodedContentLength: Int?
    ) throws(AWSChunkedError) -> AWSChunkedDecoded where Bytes.Element == UInt8 {
        let result: Result<AWSChunkedDecoded, AWSChunkedError>? = body.withContiguousStorageIfAvailable { buffer in
            Result { () throws(AWSChunkedError) in
                try decode(UnsafeRawBufferPointer(buffer), mode: mode, decodedContentLength: decodedContentLength)
            }
        }
        if let result { return try result.get() }
        let copy = Array(body)
        return try copy.withUnsafeBytes { bytes in
            Result { () throws(AWSChunkedError) in
                try decode(bytes, mode: mode, decodedContentLength: decodedContentLength)
            }
        }.get()
    }

    static func decode(
        _ bytes: UnsafeRawBufferPointer, mode: AWSChunkedMode, decodedContentLength: Int?
    ) throws(AWSChunkedError) -> AWSChunkedDecoded {
        var reader = Reader(bytes: bytes)
        var payload: [UInt8] = []
        payload.reserveCapacity(min(decodedContentLength ?? bytes.count, bytes.count))
        let context = mode.context
        var previousSignature = context?.seedSignature ?? ""
        var previousChunkSize: Int?
        while true {
            let line = try reader.line()
            let (size, signature) = try parseChunkHeader(line, signed: context != nil)
            if let context {
                if let previous = previousChunkSize, previous < minimumSignedChunkSize, size > 0 {
                    throw .chunkTooSmall
                }
                guard reader.remaining >= size else { throw .incompleteBody }
                let chunk = UnsafeRawBufferPointer(rebasing: bytes[reader.offset..<(reader.offset + size)])
                let expected = context.chunkSignature(previous: previousSignature, chunk: chunk)
                guard let signature, SigV4.constantTimeEquals(expected, signature) else {
                    throw .chunkSignatureMismatch
                }
                previousSignature = expected
            }
            previousChunkSize = size
            if size == 0 { break }
            guard reader.remaining >= size else { throw .incompleteBody }
            payload.append(contentsOf: bytes[reader.offset..<(reader.offset + size)])
            reader.offset += size
            try reader.expectCRLF()
        }
        var trailers: [(name: String, value: String)] = []
        var trailerSignature: String?
        if mode.hasTrailer {
            while true {
                let line = try reader.line()
                if line.isEmpty { break }
                guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                    throw .malformedTrailer(String(decoding: line, as: UTF8.self))
                }
                let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
                let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces()
                if name == "x-amz-trailer-signature" {
                    trailerSignature = value
                } else {
                    trailers.append((name, value))
                }
            }
        } else {
            try reader.expectCRLF()
        }
        if case .signedWithTrailer(let context) = mode {
            let expected = context.trailerSignature(previous: previousSignature, trailers: trailers)
            guard let trailerSignature, SigV4.constantTimeEquals(expected, trailerSignature) else {
                throw .trailerSignatureMismatch
            }
        }
        if let decodedContentLength, decodedContentLength != payload.count {
            throw .decodedLengthMismatch(expected: decodedContentLength, actual: payload.count)
        }
        return AWSChunkedDecoded(payload: payload, trailers: trailers)
    }

    /// `hex-size[;chunk-signature=sig]`.
    static func parseChunkHeader(_ line: ArraySlice<UInt8>, signed: Bool) throws(AWSChunkedError) -> (Int, String?) {
        let semicolon = line.firstIndex(of: UInt8(ascii: ";"))
        let sizeBytes = line[..<(semicolon ?? line.endIndex)]
        guard !sizeBytes.isEmpty, sizeBytes.count <= 16 else { throw .malformedChunk("invalid chunk size") }
        var size = 0
        for byte in sizeBytes {
            guard let digit = Hex.value(of: byte) else { throw .malformedChunk("invalid chunk size") }
            size = size << 4 | Int(digit)
        }
        guard size >= 0, size <= 1 << 40 else { throw .malformedChunk("invalid chunk size") }
        var signature: String?
        if let semicolon {
            let extensionText = String(decoding: line[(semicolon + 1)...], as: UTF8.self)
            let prefix = "chunk-signature="
            if extensionText.hasPrefix(prefix) { signature = String(extensionText.dropFirst(prefix.count)) }
        }
        if signed && signature == nil { throw .chunkSignatureMismatch }
        return (size, signature)
    }

    /// A cursor over the body.
    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        var remaining: Int { bytes.count - offset }

        /// The bytes up to the next CRLF (which is consumed).
        mutating func line() throws(AWSChunkedError) -> ArraySlice<UInt8> {
            var index = offset
            let limit = min(bytes.count, offset + AWSChunkedDecoder.maximumLineLength)
            while index + 1 < limit {
                if bytes[index] == UInt8(ascii: "\r") && bytes[index + 1] == UInt8(ascii: "\n") {
                    let line = ArraySlice(bytes[offset..<index])
                    offset = index + 2
                    return line
                }
                index += 1
            }
            if limit == bytes.count { throw .incompleteBody }
            throw .malformedChunk("line too long")
        }

        mutating func expectCRLF() throws(AWSChunkedError) {
            guard remaining >= 2 else { throw .incompleteBody }
            guard bytes[offset] == UInt8(ascii: "\r"), bytes[offset + 1] == UInt8(ascii: "\n") else {
                throw .malformedChunk("missing CRLF after chunk data")
            }
            offset += 2
        }
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var view = Substring(self)
        while view.first == " " || view.first == "\t" { view = view.dropFirst() }
        while view.last == " " || view.last == "\t" { view = view.dropLast() }
        return String(view)
    }
}
