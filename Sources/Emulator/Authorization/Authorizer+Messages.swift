import PolicyEngine

extension Authorizer {
    /// The `AccessDenied` message IAM, STS and the other query and JSON services give, naming the principal, the
    /// action, the resource and why:
    /// "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:CreateUser on resource:
    /// arn:aws:iam::123456789012:user/bob because no identity-based policy allows the iam:CreateUser action".
    /// - Parameters:
    ///   - decision: The engine's (non-allowing) decision.
    ///   - question: What was asked.
    ///   - principalArn: The caller's ARN.
    ///   - quoteResource: S3 quotes the resource ARN in its messages.
    ///   - explain: Whether to add the "because ..." reason (STS's `AssumeRole` message has none).
    public static func deniedMessage(
        _ decision: Decision, question: Question, principalArn: String, quoteResource: Bool = false,
        explain: Bool = true
    ) -> String {
        let resource = quoteResource ? "\"\(question.resource)\"" : question.resource
        let base =
            "User: \(principalArn) is not authorized to perform: \(question.action) on resource: \(resource)"
        guard explain else { return base }
        return base + " " + reason(decision, question: question)
    }

    static func reason(_ decision: Decision, question: Question) -> String {
        if decision.outcome == .explicitDeny {
            let source = decision.matchedStatements.first { $0.effect == .deny }?.source ?? .identity
            let policyKind =
                switch source {
                case .identity: "an identity-based policy"
                case .resource: "a resource-based policy"
                case .session: "a session policy"
                case .permissionsBoundary: "a permissions boundary"
                }
            return "with an explicit deny in \(policyKind)"
        }
        return "because no identity-based policy allows the \(question.action) action"
    }
}
