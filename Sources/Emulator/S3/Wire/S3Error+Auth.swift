import AWSWire
import Foundation

extension S3Error {
    /// The error S3 answers for an authentication failure.
    init(_ failure: AuthFailure) {
        switch failure {
        case .missingAuthentication:
            self = .accessDenied()
        case .invalidAccessKeyId(let accessKeyId):
            self.init(
                "InvalidAccessKeyId", .forbidden, "The AWS Access Key Id you provided does not exist in our records.",
                [("AWSAccessKeyId", accessKeyId)])
        case .signatureDoesNotMatch(let mismatch):
            var fields: [(String, String)] = [
                ("AWSAccessKeyId", mismatch.accessKeyId), ("StringToSign", mismatch.stringToSign),
                ("SignatureProvided", mismatch.signatureProvided),
                ("StringToSignBytes", Self.spacedHex(mismatch.stringToSign)),
            ]
            if let canonical = mismatch.canonicalRequest {
                fields.append(("CanonicalRequest", canonical))
                fields.append(("CanonicalRequestBytes", Self.spacedHex(canonical)))
            }
            self.init(
                "SignatureDoesNotMatch", .forbidden,
                "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
                fields)
        case .requestTimeTooSkewed(let requestTime, let serverTime):
            self.init(
                "RequestTimeTooSkewed", .forbidden,
                "The difference between the request time and the current time is too large.",
                [
                    ("RequestTime", AWSDate.amzDate(requestTime)), ("ServerTime", AWSDate.iso8601(serverTime)),
                    ("MaxAllowedSkewMilliseconds", "900000"),
                ])
        case .expired(let expiredAt, let serverTime):
            self.init(
                "AccessDenied", .forbidden, "Request has expired",
                [("Expires", AWSDate.iso8601(expiredAt)), ("ServerTime", AWSDate.iso8601(serverTime))])
        case .notYetValid:
            self.init("AccessDenied", .forbidden, "Request is not valid yet")
        case .invalidToken:
            self.init("InvalidToken", .badRequest, "The provided token is malformed or otherwise invalid.")
        case .expiredToken:
            self.init("ExpiredToken", .badRequest, "The provided token has expired.")
        case .malformedAuthorizationHeader(let message):
            self.init("AuthorizationHeaderMalformed", .badRequest, message)
        case .malformedQueryParameters(let message):
            self.init("AuthorizationQueryParametersError", .badRequest, message)
        case .missingDate:
            self.init("AccessDenied", .forbidden, "AWS authentication requires a valid Date or x-amz-date header")
        case .missingContentSHA256:
            self.init(
                "InvalidRequest", .badRequest, "Missing required header for this request: x-amz-content-sha256")
        case .invalidContentSHA256:
            self.init(
                "InvalidArgument", .badRequest,
                "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.",
                [("ArgumentName", "x-amz-content-sha256")])
        case .contentSHA256Mismatch(let provided, let computed):
            self.init(
                "XAmzContentSHA256Mismatch", .badRequest,
                "The provided 'x-amz-content-sha256' header does not match what was computed.",
                [("ClientComputedContentSHA256", provided), ("S3ComputedContentSHA256", computed)])
        case .missingDecodedContentLength:
            self.init(
                "MissingContentLength", .lengthRequired, "You must provide the Content-Length HTTP header.")
        case .chunkedBody(let error):
            self.init(chunked: error)
        }
    }

    private init(chunked error: AWSChunkedError) {
        switch error {
        case .chunkSignatureMismatch, .trailerSignatureMismatch:
            self.init(
                "SignatureDoesNotMatch", .forbidden,
                "The request signature we calculated does not match the signature you provided. Check your key and signing method."
            )
        case .incompleteBody:
            self.init(
                "IncompleteBody", .badRequest,
                "You did not provide the number of bytes specified by the Content-Length HTTP header.")
        case .decodedLengthMismatch:
            self.init(
                "IncompleteBody", .badRequest,
                "You did not provide the number of bytes specified by the Content-Length HTTP header.")
        case .chunkTooSmall(let chunk, let size):
            self.init(
                "InvalidChunkSizeError", .forbidden,
                "Only the last chunk is allowed to have a size less than 8192 bytes",
                [("Chunk", String(chunk)), ("BadChunkSize", String(size))])
        case .malformedTrailer:
            self.init(
                "MalformedTrailerError", .badRequest,
                "The request contained trailing data that was not well-formed or did not conform to our published schema."
            )
        default:
            self.init("IncompleteBody", .badRequest, "The request body terminated unexpectedly")
        }
    }

    private static func spacedHex(_ text: String) -> String {
        Array(text.utf8).map { Hex.encode([$0]) }.joined(separator: " ")
    }
}
