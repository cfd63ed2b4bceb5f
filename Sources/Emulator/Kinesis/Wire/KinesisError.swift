import AWSWire
import NIOHTTP1

/// An error of Kinesis, which knows its wire form: `{"__type": ..., "message": ...}` in JSON or CBOR, HTTP 400.
struct KinesisError: Error, Sendable, Equatable {
    /// The error's type (`ResourceNotFoundException`).
    var type: String
    var status: HTTPResponseStatus
    var message: String

    init(_ type: String, _ message: String, status: HTTPResponseStatus = .badRequest) {
        self.type = type
        self.message = message
        self.status = status
    }

    var document: AWSDocument { .map(["__type": .string(type), "message": .string(message)]) }

    static func resourceNotFound(_ stream: String, account: String) -> KinesisError {
        KinesisError("ResourceNotFoundException", "Stream \(stream) under account \(account) not found.")
    }

    static func resourceNotFound(_ message: String, exact: Bool) -> KinesisError {
        KinesisError("ResourceNotFoundException", message)
    }

    static func resourceInUse(_ message: String) -> KinesisError { KinesisError("ResourceInUseException", message) }

    static func invalidArgument(_ message: String) -> KinesisError { KinesisError("InvalidArgumentException", message) }

    static func limitExceeded(_ message: String) -> KinesisError { KinesisError("LimitExceededException", message) }

    static func validation(_ message: String) -> KinesisError { KinesisError("ValidationException", message) }

    static func serialization(_ message: String) -> KinesisError { KinesisError("SerializationException", message) }

    static func accessDenied(_ message: String) -> KinesisError { KinesisError("AccessDeniedException", message) }

    static func expiredIterator(_ message: String) -> KinesisError { KinesisError("ExpiredIteratorException", message) }

    /// A required member that is missing, in the words of the service.
    static func missing(_ member: String) -> KinesisError {
        .validation(
            "1 validation error detected: Value null at '\(member.prefix(1).lowercased() + member.dropFirst())' failed to satisfy constraint: Member must not be null"
        )
    }
}

extension KinesisError {
    /// The error a JSON-protocol service answers for an authentication failure.
    init(_ failure: AuthFailure) {
        switch failure {
        case .missingAuthentication, .missingDate:
            self.init("MissingAuthenticationTokenException", "Missing Authentication Token")
        case .invalidAccessKeyId, .invalidToken:
            self.init("UnrecognizedClientException", "The security token included in the request is invalid.")
        case .expiredToken:
            self.init("ExpiredTokenException", "The security token included in the request is expired")
        case .requestTimeTooSkewed:
            self.init(
                "InvalidSignatureException", "Signature expired: the request time is too skewed from the server time.")
        case .malformedAuthorizationHeader(let message), .malformedQueryParameters(let message):
            self.init("IncompleteSignatureException", message)
        default:
            self.init(
                "InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
            )
        }
    }
}
