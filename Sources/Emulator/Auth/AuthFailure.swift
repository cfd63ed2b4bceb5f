import AWSWire
import Foundation

/// Why a request failed authentication. Each protocol renders it with the code its service answers.
public enum AuthFailure: Error, Sendable, Equatable {
    /// No signature at all.
    case missingAuthentication
    /// The access key id is unknown.
    case invalidAccessKeyId(String)
    /// The signature is wrong.
    case signatureDoesNotMatch(SignatureMismatch)
    /// The request time is more than 15 minutes from the server's.
    case requestTimeTooSkewed(requestTime: Date, serverTime: Date)
    /// A presigned URL's time is up.
    case expired(expiredAt: Date, serverTime: Date)
    /// A presigned URL dated in the future.
    case notYetValid
    /// The session token is missing, wrong, or given for a long-term key.
    case invalidToken
    /// The temporary credential's time is up (on the emulator's clock).
    case expiredToken
    /// The `Authorization` header is not well formed.
    case malformedAuthorizationHeader(String)
    /// The presigned URL parameters are not well formed.
    case malformedQueryParameters(String)
    /// Neither `X-Amz-Date` nor `Date`.
    case missingDate
    /// S3 needs `x-amz-content-sha256` with header signatures.
    case missingContentSHA256
    /// `x-amz-content-sha256` has a value that is neither a hash nor a known keyword.
    case invalidContentSHA256
    /// The body does not hash to `x-amz-content-sha256`.
    case contentSHA256Mismatch(provided: String, computed: String)
    /// An aws-chunked body is not well formed or its signatures do not verify.
    case chunkedBody(AWSChunkedError)
    /// The payload claims aws-chunked without `x-amz-decoded-content-length`.
    case missingDecodedContentLength
}

/// What a client needs to see to find its signing mistake (no secrets: the string to sign is public).
public struct SignatureMismatch: Sendable, Equatable {
    /// The access key id used.
    public var accessKeyId: String
    /// The signature the client sent.
    public var signatureProvided: String
    /// The string the server signed.
    public var stringToSign: String
    /// The canonical request the server built (SigV4 only).
    public var canonicalRequest: String?
}
