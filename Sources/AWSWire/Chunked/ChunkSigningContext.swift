import Crypto

/// What signs the chunks of a `STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]` body: the request's SigV4 signing key,
/// time and credential scope, and the request's own signature, which seeds the chain of chunk signatures.
///
/// Each chunk's signature covers its data and the signature before it, so chunks can be neither altered, dropped nor
/// reordered; the trailer signature covers the trailing headers and the final (empty) chunk's signature.
public struct ChunkSigningContext: Sendable, Equatable {
    /// The SigV4 signing key of the request (`kSigning`, derived from the secret, date, region and service).
    public var signingKey: [UInt8]
    /// The request time as `X-Amz-Date` gives it (`20130524T000000Z`).
    public var amzDate: String
    /// The credential scope (`20130524/us-east-1/s3/aws4_request`).
    public var credentialScope: String
    /// The signature of the request's `Authorization` header, which the first chunk signature chains from.
    public var seedSignature: String

    /// Creates a context.
    /// - Parameters:
    ///   - signingKey: The SigV4 signing key of the request.
    ///   - amzDate: The request time (`X-Amz-Date`).
    ///   - credentialScope: The credential scope of the request.
    ///   - seedSignature: The request's header signature.
    public init(signingKey: [UInt8], amzDate: String, credentialScope: String, seedSignature: String) {
        self.signingKey = signingKey
        self.amzDate = amzDate
        self.credentialScope = credentialScope
        self.seedSignature = seedSignature
    }

    /// The signature of one chunk.
    ///
    /// The string to sign is `AWS4-HMAC-SHA256-PAYLOAD`, the date, the scope, the previous signature, the hex SHA-256
    /// of the empty string and the hex SHA-256 of the chunk's data, joined by newlines.
    /// - Parameters:
    ///   - previous: The previous chunk's signature, or ``seedSignature`` for the first chunk.
    ///   - chunk: The chunk's data (empty for the final chunk).
    /// - Returns: 64 lowercase hex digits.
    public func chunkSignature(previous: String, chunk: UnsafeRawBufferPointer) -> String {
        let stringToSign =
            "AWS4-HMAC-SHA256-PAYLOAD\n\(amzDate)\n\(credentialScope)\n\(previous)\n\(SigV4.emptyPayloadHash)\n"
            + Hex.encode(SHA256.hash(data: chunk))
        return SigV4.signature(signingKey: signingKey, stringToSign: stringToSign)
    }

    /// The signature of the trailing headers.
    ///
    /// The string to sign is `AWS4-HMAC-SHA256-TRAILER`, the date, the scope, the previous signature and the hex
    /// SHA-256 of the canonical trailers, joined by newlines. The canonical trailers are `name:value\n` for each
    /// trailer, names lowercased and sorted, values trimmed (the AWS example signs `x-amz-checksum-crc32c:sOO8/Q==\n`).
    /// - Parameters:
    ///   - previous: The final (empty) chunk's signature.
    ///   - trailers: The trailing headers, without `x-amz-trailer-signature`.
    /// - Returns: 64 lowercase hex digits.
    public func trailerSignature(previous: String, trailers: [(name: String, value: String)]) -> String {
        let canonical =
            trailers
            .map { (name: $0.name.lowercased(), value: Self.trimmed($0.value)) }
            .sorted { $0.name < $1.name }
            .map { "\($0.name):\($0.value)\n" }
            .joined()
        let stringToSign =
            "AWS4-HMAC-SHA256-TRAILER\n\(amzDate)\n\(credentialScope)\n\(previous)\n\(SigV4.sha256Hex(canonical))"
        return SigV4.signature(signingKey: signingKey, stringToSign: stringToSign)
    }

    private static func trimmed(_ value: String) -> String {
        var view = Substring(value)
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return String(view)
    }
}
