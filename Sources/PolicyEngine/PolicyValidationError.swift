/// Why a policy document was refused, with the error code and message the owning service answers.
///
/// The message depends on the ``PolicyKind`` the document was validated as: IAM says
/// `Syntax errors in policy.` where S3 says `This policy contains invalid Json`. Services render ``code`` and
/// ``message`` in their own wire format (HTTP 400 in both IAM and S3).
public struct PolicyValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of policy the document was validated as.
    public var kind: PolicyKind
    /// The message the service gives, exactly (`Missing required field Principal`).
    public var message: String

    /// Creates an error.
    public init(kind: PolicyKind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// The error code: `MalformedPolicyDocument` (IAM) or `MalformedPolicy` (S3).
    public var code: String {
        kind.errorCode
    }

    public var description: String {
        "\(code): \(message)"
    }

    /// The message; use ``message``.
    @available(*, deprecated, renamed: "message")
    public var s3Message: String { message }

    /// The message; use ``message``.
    @available(*, deprecated, renamed: "message")
    public var iamMessage: String { message }
}
