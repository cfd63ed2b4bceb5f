import AWSWire
import Foundation

extension QueryError {
    /// The error a query-protocol service answers for an authentication failure.
    init(_ failure: AuthFailure) {
        switch failure {
        case .missingAuthentication, .missingDate:
            self.init("MissingAuthenticationToken", .forbidden, "Request is missing Authentication Token")
        case .invalidAccessKeyId, .invalidToken:
            self.init("InvalidClientTokenId", .forbidden, "The security token included in the request is invalid.")
        case .expiredToken:
            self.init("ExpiredToken", .forbidden, "The security token included in the request is expired")
        case .signatureDoesNotMatch:
            self.init(
                "SignatureDoesNotMatch", .forbidden,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
            )
        case .requestTimeTooSkewed(let requestTime, let serverTime):
            let earliest = serverTime.addingTimeInterval(-RequestAuthenticator.maximumSkew)
            let message =
                requestTime < serverTime
                ? "Signature expired: \(AWSDate.amzDate(requestTime)) is now earlier than \(AWSDate.amzDate(earliest)) (\(AWSDate.amzDate(serverTime)) - 15 min.)"
                : "Signature not yet current: \(AWSDate.amzDate(requestTime)) is still later than \(AWSDate.amzDate(serverTime.addingTimeInterval(RequestAuthenticator.maximumSkew))) (\(AWSDate.amzDate(serverTime)) + 15 min.)"
            self.init("SignatureDoesNotMatch", .forbidden, message)
        case .expired(let expiredAt, let serverTime):
            self.init(
                "AccessDenied", .forbidden,
                "Signature expired: \(AWSDate.amzDate(expiredAt)) is now earlier than \(AWSDate.amzDate(serverTime))")
        case .notYetValid:
            self.init("AccessDenied", .forbidden, "Request is not valid yet")
        case .malformedAuthorizationHeader(let message), .malformedQueryParameters(let message):
            self.init("IncompleteSignature", .badRequest, message)
        case .missingContentSHA256, .invalidContentSHA256, .contentSHA256Mismatch, .missingDecodedContentLength,
            .chunkedBody:
            self.init(
                "SignatureDoesNotMatch", .forbidden,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
            )
        }
    }
}
