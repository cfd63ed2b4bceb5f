/// Checks policy documents against the rules of their kind, refusing them with the message AWS gives.
///
/// ```swift
/// do {
///     let document = try PolicyValidator.validate(body, kind: .resource(.s3Bucket("root-bucket")))
///     store(document)
/// } catch {
///     throw S3Error(error.code, .badRequest, error.message)   // MalformedPolicy: Missing required field Principal
/// }
/// ```
///
/// What is checked, by kind:
/// - every kind: JSON, `Version` (`2012-10-17` or `2008-10-17`), `Id`, `Statement` (an object or a non-empty
///   array), statement members, `Effect`, element types, `Action`/`NotAction` and `Resource`/`NotResource` not both,
///   condition operators of the language (`StringEquals`, `ForAnyValue:StringLikeIfExists`, ...), unique `Sid`s.
/// - ``PolicyKind/identity`` and ``PolicyKind/managedIdentity``: no principal; actions and resources required;
///   actions prefaced by a vendor (`s3:GetObject`); resources in ARN form with a known partition; IAM ARNs without
///   region and with a known resource type; `Date` condition values that parse.
///   A managed policy must also use `Version` `2012-10-17`.
/// - ``PolicyKind/trust``: a principal that names accounts, users, roles, services or identity providers; only
///   `sts:` assume-role actions; no `Resource` or `NotResource`.
/// - ``PolicyKind/resource(_:)`` for an S3 bucket: a principal; S3 actions that exist; resources that are the bucket
///   or objects in it; each action applying to at least one of the statement's resources.
///
/// Size limits are separate (see ``PolicySizeQuota``): IAM answers `LimitExceeded` for them, not a malformed policy.
public enum PolicyValidator {
    /// The kinds of policy; see ``PolicyKind``.
    public typealias Kind = PolicyKind

    /// Parses and validates a document.
    /// - Parameters:
    ///   - text: The JSON text, as the caller sent it.
    ///   - kind: What the document is for.
    ///   - principalExists: Whether an `AWS` principal given as an ARN exists. IAM and S3 refuse a policy naming a
    ///     user or role that does not exist; answer `true` for principals of accounts the emulator does not model.
    /// - Returns: The parsed document, its ``PolicyDocument/text`` being `text`.
    /// - Throws: ``PolicyValidationError`` with the code and message of the service that owns `kind`.
    @discardableResult
    public static func validate(
        _ text: String, kind: PolicyKind, principalExists: (ARN) -> Bool = { _ in true }
    ) throws(PolicyValidationError) -> PolicyDocument {
        let parsed = try PolicyParser.parse(text, kind: kind)
        let message: String?
        switch kind.storage {
        case .identity(let managed):
            message = IdentityPolicyRules.firstProblem(in: parsed, managed: managed)
        case .trust:
            message = TrustPolicyRules.firstProblem(in: parsed, principalExists: principalExists)
        case .resource(let context):
            switch context.storage {
            case .s3Bucket(let bucket):
                message = BucketPolicyRules.firstProblem(in: parsed, bucket: bucket, principalExists: principalExists)
            }
        }
        if let message { throw PolicyValidationError(kind: kind, message: message) }
        return parsed.document
    }
}
