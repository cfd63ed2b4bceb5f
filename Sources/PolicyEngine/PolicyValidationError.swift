/// Why a policy document was refused, with the message each service gives for it.
public struct PolicyValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message IAM gives (`MalformedPolicyDocument`).
    public var iamMessage: String
    /// The message S3 gives (`MalformedPolicy`).
    public var s3Message: String

    /// Creates an error with one message for both services.
    public init(_ message: String) {
        iamMessage = message
        s3Message = message
    }

    /// Creates an error whose messages differ by service.
    public init(iam: String, s3: String) {
        iamMessage = iam
        s3Message = s3
    }

    public var description: String { iamMessage }
}

extension PolicyValidationError {
    static let syntax = PolicyValidationError(
        iam: "Syntax errors in policy.", s3: "Policies must be valid JSON and the first byte must be '{'")
    static func unknownField(_ name: String) -> PolicyValidationError {
        PolicyValidationError(iam: "Syntax errors in policy.", s3: "Unknown field \(name)")
    }
    static func missingField(_ name: String) -> PolicyValidationError {
        PolicyValidationError("Missing required field \(name)")
    }
}
