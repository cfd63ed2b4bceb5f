import AWSWire
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Signs requests with AWS Signature Version 4, in the `Authorization` header or as a presigned URL.
public struct SigV4Signer: Sendable {
    /// The credentials.
    public var credentials: AWSCredentials
    /// The region of the credential scope.
    public var region: String
    /// The signing name of the service (`s3`, `iam`, `sts`, `kinesis`).
    public var service: String

    /// Creates a signer.
    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// The value of the `Host` header a URL produces (`host` or `host:port`).
    public static func hostHeader(for url: URL) -> String {
        let host = url.host ?? ""
        if let port = url.port, !(url.scheme == "http" && port == 80), !(url.scheme == "https" && port == 443) {
            return "\(host):\(port)"
        }
        return host
    }

    /// Signs a request in place.
    /// - Parameters:
    ///   - request: The request; its URL must already be percent-encoded canonically.
    ///   - payloadHash: The hex SHA-256 of the body, or `UNSIGNED-PAYLOAD` or a streaming keyword.
    ///   - date: The signing time.
    /// - Returns: The signature (the seed of aws-chunked chunk signatures).
    @discardableResult
    public func sign(_ request: inout URLRequest, payloadHash: String, date: Date = Date()) -> String {
        guard let url = request.url else { return "" }
        let amzDate = AWSDate.amzDate(date)
        let scopeDate = AWSDate.scopeDate(date)
        request.setValue(amzDate, forHTTPHeaderField: "X-Amz-Date")
        if service == "s3" { request.setValue(payloadHash, forHTTPHeaderField: "X-Amz-Content-SHA256") }
        if let token = credentials.sessionToken { request.setValue(token, forHTTPHeaderField: "X-Amz-Security-Token") }
        var headers: [String: String] = ["host": Self.hostHeader(for: url)]
        for (name, value) in request.allHTTPHeaderFields ?? [:] {
            let lower = name.lowercased()
            if lower.hasPrefix("x-amz-") || lower == "content-type" || lower == "content-md5" || lower == "range"
                || lower == "content-encoding"
            {
                headers[lower] = value
            }
        }
        let signed = headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        let scope = SigV4.credentialScope(date: scopeDate, region: region, service: service)
        let canonical = SigV4.canonicalRequest(
            method: request.httpMethod ?? "GET",
            canonicalURI: canonicalURI(url),
            canonicalQuery: SigV4.canonicalQuery(queryItems(url)),
            signedHeaders: signed,
            payloadHash: payloadHash)
        let key = signingKey(date: scopeDate)
        let signature = SigV4.signature(
            signingKey: key,
            stringToSign: SigV4.stringToSign(amzDate: amzDate, scope: scope, canonicalRequest: canonical))
        let authorization =
            "\(SigV4.algorithm) Credential=\(credentials.accessKeyId)/\(scope), SignedHeaders=\(signed.map(\.name).joined(separator: ";")), Signature=\(signature)"
        request.setValue(authorization, forHTTPHeaderField: "Authorization")
        return signature
    }

    /// A presigned URL (query-string SigV4, `UNSIGNED-PAYLOAD`, only `host` signed).
    /// - Parameters:
    ///   - url: The URL to presign, percent-encoded canonically.
    ///   - method: The method the URL is for.
    ///   - expires: Lifetime in seconds (at most 604,800).
    ///   - date: The signing time.
    /// - Returns: The URL with `X-Amz-*` parameters.
    public func presign(_ url: URL, method: String = "GET", expires: Int = 3600, date: Date = Date()) -> URL {
        let amzDate = AWSDate.amzDate(date)
        let scopeDate = AWSDate.scopeDate(date)
        let scope = SigV4.credentialScope(date: scopeDate, region: region, service: service)
        var query = queryItems(url)
        query.append(("X-Amz-Algorithm", SigV4.algorithm))
        query.append(("X-Amz-Credential", "\(credentials.accessKeyId)/\(scope)"))
        query.append(("X-Amz-Date", amzDate))
        query.append(("X-Amz-Expires", String(expires)))
        if let token = credentials.sessionToken { query.append(("X-Amz-Security-Token", token)) }
        query.append(("X-Amz-SignedHeaders", "host"))
        let canonicalQuery = SigV4.canonicalQuery(query)
        let canonical = SigV4.canonicalRequest(
            method: method, canonicalURI: canonicalURI(url), canonicalQuery: canonicalQuery,
            signedHeaders: [("host", Self.hostHeader(for: url))], payloadHash: SigV4.unsignedPayload)
        let signature = SigV4.signature(
            signingKey: signingKey(date: scopeDate),
            stringToSign: SigV4.stringToSign(amzDate: amzDate, scope: scope, canonicalRequest: canonical))
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)!
        components.percentEncodedQuery = canonicalQuery + "&X-Amz-Signature=" + signature
        return components.url!
    }

    /// The signing key for a date (`yyyymmdd`).
    public func signingKey(date: String) -> [UInt8] {
        SigV4.signingKey(secretAccessKey: credentials.secretAccessKey, date: date, region: region, service: service)
    }

    func canonicalURI(_ url: URL) -> String {
        let raw = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? "/"
        return SigV4.canonicalURI(decodedPath: PercentEncoding.decode(raw) ?? raw, doubleEncode: service != "s3")
    }

    func queryItems(_ url: URL) -> [(name: String, value: String)] {
        guard let query = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedQuery else {
            return []
        }
        return PercentEncoding.decodeQuery(query) ?? []
    }
}
