/// A document that breaks the grammar every policy shares, before any kind-specific rule is checked.
///
/// IAM's identity-policy parser answers `Syntax errors in policy.` for all of these; the parser behind trust and
/// resource policies (S3) names the problem.
enum PolicyGrammarError: Error, Equatable {
    /// Not JSON, or JSON that is not an object.
    case invalidJSON
    /// S3 only: the first byte of the body is not `{`.
    case firstByteNotBrace
    /// A member the policy language does not have, at the top level or in a statement.
    case unknownField(String)
    /// A `Version` other than `2012-10-17` or `2008-10-17`.
    case invalidVersion
    case missingStatement
    /// `"Statement": []`.
    case emptyStatement
    /// A value of the wrong JSON type, or two elements that exclude each other (`Action` with `NotAction`).
    case malformed
    case missingEffect
    /// An `Effect` other than `Allow` or `Deny`, with the text given.
    case invalidEffect(String)
    /// `"Principal": {}`.
    case emptyPrincipal
    /// A principal type other than `AWS`, `Service`, `Federated`, `CanonicalUser`.
    case unknownPrincipalType(String)
    /// A condition operator the language does not have.
    case unknownConditionOperator(String)

    /// The message the service that owns `kind` gives.
    func message(for kind: PolicyKind) -> String {
        if case .identity = kind.storage { return IAMMessages.syntax }
        let isS3 = kind.resourceContext != nil
        switch self {
        case .invalidJSON: return "This policy contains invalid Json"
        case .firstByteNotBrace: return "Policies must be valid JSON and the first byte must be '{'"
        case .unknownField(let name): return "Unknown field \(name)"
        case .invalidVersion: return "The policy must contain a valid version string"
        case .missingStatement: return "Missing required field Statement"
        case .emptyStatement: return "Could not parse the policy: Statement is empty!"
        case .malformed: return "Invalid policy syntax."
        case .missingEffect: return "Missing required field Effect"
        case .invalidEffect(let text): return "Invalid effect: \(text)"
        case .emptyPrincipal: return "Missing required field Principal cannot be empty!"
        case .unknownPrincipalType(let type):
            return isS3 ? S3Messages.invalidPrincipal : "Invalid principal in policy: \"\(type)\""
        case .unknownConditionOperator(let name): return "Invalid Condition type : \(name)"
        }
    }
}
