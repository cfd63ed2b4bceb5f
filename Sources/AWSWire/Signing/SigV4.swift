import Crypto

/// The pieces of AWS Signature Version 4 that a signer and a verifier share: canonical request, string to sign,
/// key derivation and signature. Both sides call the same functions, so the emulator checks exactly what clients sign.
public enum SigV4 {
    /// The algorithm name in `Authorization` headers and presigned URLs.
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// The payload hash of a request whose body is not signed.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"
    /// The SHA-256 of the empty string, hex encoded.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    // MARK: - Canonical request

    /// The canonical URI of a request path.
    /// - Parameters:
    ///   - decodedPath: The path with percent escapes decoded (`/bucket/my key`).
    ///   - doubleEncode: `false` for S3 (the path is encoded once), `true` for every other service.
    /// - Returns: The path as it appears in the canonical request.
    public static func canonicalURI(decodedPath: String, doubleEncode: Bool) -> String {
        if decodedPath.isEmpty { return "/" }
        let once = PercentEncoding.encode(decodedPath, encodeSlash: false)
        return doubleEncode ? PercentEncoding.encode(once, encodeSlash: false) : once
    }

    /// The canonical query string: each name and value encoded, sorted by name then value, joined with `&`.
    /// - Parameter items: The decoded query items (in any order).
    /// - Returns: The canonical query string.
    public static func canonicalQuery(_ items: [(name: String, value: String)]) -> String {
        let encoded = items.map { (PercentEncoding.encode($0.name), PercentEncoding.encode($0.value)) }
        let sorted = encoded.sorted { lhs, rhs in
            lhs.0 == rhs.0
                ? lhs.1.utf8.lexicographicallyPrecedes(rhs.1.utf8) : lhs.0.utf8.lexicographicallyPrecedes(rhs.0.utf8)
        }
        var out = ""
        for (index, item) in sorted.enumerated() {
            if index > 0 { out += "&" }
            out += item.0
            out += "="
            out += item.1
        }
        return out
    }

    /// A header value as SigV4 canonicalises it: leading and trailing spaces trimmed, runs of spaces collapsed to one.
    /// - Parameter value: The raw header value (several values of one name already joined with `,`).
    /// - Returns: The canonical value.
    public static func canonicalHeaderValue(_ value: some StringProtocol) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Builds the canonical request.
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - canonicalURI: From ``canonicalURI(decodedPath:doubleEncode:)``.
    ///   - canonicalQuery: From ``canonicalQuery(_:)``.
    ///   - signedHeaders: Lowercase header names and their values, in the order they are signed (sorted by name).
    ///   - payloadHash: The hex SHA-256 of the body, or a special value such as ``unsignedPayload``.
    /// - Returns: The canonical request text.
    public static func canonicalRequest(
        method: String,
        canonicalURI: String,
        canonicalQuery: String,
        signedHeaders: [(name: String, value: String)],
        payloadHash: String
    ) -> String {
        var out = method
        out += "\n"
        out += canonicalURI
        out += "\n"
        out += canonicalQuery
        out += "\n"
        for header in signedHeaders {
            out += header.name
            out += ":"
            out += canonicalHeaderValue(header.value)
            out += "\n"
        }
        out += "\n"
        out += signedHeaders.map(\.name).joined(separator: ";")
        out += "\n"
        out += payloadHash
        return out
    }

    // MARK: - String to sign and signature

    /// The credential scope `yyyymmdd/region/service/aws4_request`.
    public static func credentialScope(date: String, region: String, service: String) -> String {
        "\(date)/\(region)/\(service)/aws4_request"
    }

    /// The string to sign for a canonical request.
    /// - Parameters:
    ///   - amzDate: The request time, `yyyyMMdd'T'HHmmss'Z'`.
    ///   - scope: The credential scope.
    ///   - canonicalRequest: The canonical request text.
    /// - Returns: The string to sign.
    public static func stringToSign(amzDate: String, scope: String, canonicalRequest: String) -> String {
        "\(algorithm)\n\(amzDate)\n\(scope)\n\(sha256Hex(canonicalRequest))"
    }

    /// Derives the signing key: HMAC chain over date, region, service and `aws4_request`.
    /// - Returns: The 32-byte signing key.
    public static func signingKey(secretAccessKey: String, date: String, region: String, service: String) -> [UInt8] {
        var key = hmac(key: Array("AWS4\(secretAccessKey)".utf8), message: Array(date.utf8))
        key = hmac(key: key, message: Array(region.utf8))
        key = hmac(key: key, message: Array(service.utf8))
        return hmac(key: key, message: Array("aws4_request".utf8))
    }

    /// The hex signature of a string to sign.
    public static func signature(signingKey: [UInt8], stringToSign: String) -> String {
        Hex.encode(hmac(key: signingKey, message: Array(stringToSign.utf8)))
    }

    // MARK: - Primitives

    /// Lowercase hex SHA-256 of text.
    public static func sha256Hex(_ text: String) -> String {
        Hex.encode(SHA256.hash(data: Array(text.utf8)))
    }

    /// Lowercase hex SHA-256 of bytes.
    public static func sha256Hex<Bytes: Sequence>(bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable({ SHA256.hash(data: UnsafeRawBufferPointer($0)) }) {
            return Hex.encode(digest)
        }
        return Hex.encode(SHA256.hash(data: Array(bytes)))
    }

    /// HMAC-SHA256.
    public static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }

    /// Compares two signatures in time independent of where they differ.
    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
