/// A principal a step names: an IAM role, an IAM user, a role session, or an account's root user, by ARN (a bare
/// 12-digit account id means the account's root).
///
/// ```swift
/// PrincipalReference("arn:aws:sts::123456789012:assumed-role/etl/job-7")?.simulationSource
/// // "arn:aws:iam::123456789012:role/etl"
/// ```
struct PrincipalReference: Sendable, Hashable {
    /// What sort of principal it is.
    enum Kind: Sendable, Hashable {
        case role
        case user
        /// A session of a role (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`).
        case assumedRole(roleArn: String, session: String)
        case root
    }

    var kind: Kind
    /// The principal's ARN, as written (`arn:aws:iam::123456789012:root` for a bare account id).
    var arn: String
    /// The 12-digit account it belongs to.
    var account: String
    /// The user's, role's or session's name; the account id for root.
    var name: String

    /// Parses a principal ARN or account id; `nil` when the text is neither.
    init?(_ text: String) {
        if text.count == 12, text.allSatisfy(\.isNumber) {
            self.init(kind: .root, arn: "arn:aws:iam::\(text):root", account: text, name: text)
            return
        }
        guard let parsed = ARN(text), parsed.account.count == 12 else { return nil }
        let parts = parsed.resource.split(separator: "/").map(String.init)
        switch (parsed.service, parts.first) {
        case ("iam", "root") where parts.count == 1:
            self.init(kind: .root, arn: text, account: parsed.account, name: parsed.account)
        case ("iam", "role") where parts.count >= 2:
            self.init(kind: .role, arn: text, account: parsed.account, name: parts[parts.count - 1])
        case ("iam", "user") where parts.count >= 2:
            self.init(kind: .user, arn: text, account: parsed.account, name: parts[parts.count - 1])
        case ("sts", "assumed-role") where parts.count == 3:
            let roleArn = "arn:\(parsed.partition):iam::\(parsed.account):role/\(parts[1])"
            self.init(
                kind: .assumedRole(roleArn: roleArn, session: parts[2]), arn: text, account: parsed.account,
                name: parts[2])
        default:
            return nil
        }
    }

    init(kind: Kind, arn: String, account: String, name: String) {
        self.kind = kind
        self.arn = arn
        self.account = account
        self.name = name
    }

    /// What IAM's policy simulator takes as `PolicySourceArn`: a user or role, and for a role session its role
    /// (whose policies the session has); `nil` for root, which the simulator does not take.
    var simulationSource: String? {
        switch kind {
        case .role, .user: arn
        case .assumedRole(let roleArn, _): roleArn
        case .root: nil
        }
    }

    /// How a step tells what it accepts.
    static let help =
        "a role the scenario made (by name), or a principal ARN: arn:aws:iam::123456789012:role/NAME, "
        + "arn:aws:iam::123456789012:user/NAME, arn:aws:sts::123456789012:assumed-role/ROLE/SESSION, "
        + "arn:aws:iam::123456789012:root or a 12-digit account id"
}
