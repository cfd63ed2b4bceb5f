import AWSWire
import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// Verifies AWS signatures (SigV4 in the header or the query, S3's legacy SigV2 in the header or the query) and the
/// payload they cover, decoding aws-chunked bodies on the way.
public struct RequestAuthenticator: Sendable {
    /// How far a request's time may be from the server's.
    public static let maximumSkew: TimeInterval = 15 * 60
    /// The longest a SigV4 presigned URL may live.
    public static let maximumPresignedLifetime = 604_800

    let credentials: any CredentialProvider
    let clock: EmulatorClock
    let defaultRegion: String
    let keys: SigningKeyCache

    /// Creates an authenticator.
    public init(credentials: any CredentialProvider, clock: EmulatorClock, defaultRegion: String) {
        self.credentials = credentials
        self.clock = clock
        self.defaultRegion = defaultRegion
        self.keys = SigningKeyCache()
    }

    /// The result of a successful authentication.
    public struct Authenticated: Sendable {
        /// Who signed.
        public var caller: AWSCaller
        /// Trailing headers of an aws-chunked body (`x-amz-checksum-crc32`, ...), lowercase names.
        public var trailers: [(name: String, value: String)] = []
    }

    /// Authenticates a request, replacing an aws-chunked body with the decoded payload.
    /// - Parameters:
    ///   - request: The request; its body is decoded in place.
    ///   - service: The signing name of the service answering (`s3`, `iam`, ...).
    ///   - virtualHostBucket: For S3 in virtual-hosted style, the bucket named by the host (SigV2 needs it).
    /// - Returns: The caller, or why authentication failed.
    public func authenticate(
        _ request: inout EmulatorRequest, service: String, virtualHostBucket: String? = nil
    ) -> Result<Authenticated, AuthFailure> {
        if let authorization = request.header("authorization") {
            if authorization.hasPrefix(SigV4.algorithm) {
                return verifySigV4Header(authorization, request: &request, service: service)
            }
            if service == "s3", authorization.hasPrefix("AWS ") {
                return verifySigV2Header(authorization, request: &request, virtualHostBucket: virtualHostBucket)
            }
            return .failure(.malformedAuthorizationHeader("Unsupported Authorization Type"))
        }
        if request.query("X-Amz-Algorithm") != nil || request.query("X-Amz-Signature") != nil {
            return verifySigV4Query(request: &request, service: service)
        }
        if service == "s3", request.query("AWSAccessKeyId") != nil || request.query("Signature") != nil {
            return verifySigV2Query(request: request, virtualHostBucket: virtualHostBucket)
        }
        return .failure(.missingAuthentication)
    }

    // MARK: - Shared checks

    func lookUp(_ accessKeyId: String, sessionToken: String?) -> Result<AWSCredential, AuthFailure> {
        guard let credential = credentials.credential(forAccessKeyId: accessKeyId) else {
            return .failure(.invalidAccessKeyId(accessKeyId))
        }
        if credential.sessionToken != sessionToken { return .failure(.invalidToken) }
        if let expiration = credential.expiration, expiration <= clock.now() { return .failure(.expiredToken) }
        return .success(credential)
    }

    func signedHeaderValues(_ names: [String], in request: EmulatorRequest) -> [(name: String, value: String)] {
        // Raw header lines, not `headers[canonicalForm:]`: that splits comma-separated lists and drops the space after
        // each comma, while the signer canonicalises the value as it was sent (`max-age=0, no-cache`).
        names.map { name in
            let values = request.headers.lazy.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }
                .map { SigV4.canonicalHeaderValue($0.value) }
            return (name, values.joined(separator: ","))
        }
    }

    func canonicalURI(_ request: EmulatorRequest, service: String) -> String {
        let decoded = request.decodedPath ?? String(request.rawPath)
        return SigV4.canonicalURI(decodedPath: decoded, doubleEncode: service != "s3")
    }
}

/// Caches derived SigV4 signing keys (four HMACs each) by secret, date, region and service.
final class SigningKeyCache: Sendable {
    private let cache = NIOLockedValueBox<[String: [UInt8]]>([:])

    func key(secret: String, date: String, region: String, service: String) -> [UInt8] {
        let cacheKey = "\(secret)\u{0}\(date)\u{0}\(region)\u{0}\(service)"
        if let key = cache.withLockedValue({ $0[cacheKey] }) { return key }
        let key = SigV4.signingKey(secretAccessKey: secret, date: date, region: region, service: service)
        cache.withLockedValue { cache in
            if cache.count > 1024 { cache.removeAll() }
            cache[cacheKey] = key
        }
        return key
    }
}
