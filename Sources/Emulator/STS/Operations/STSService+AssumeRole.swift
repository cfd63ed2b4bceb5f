import AWSWire
import Foundation
import PolicyEngine

extension STSService {
    /// What `AssumeRole` grants.
    struct AssumeRoleOutput: Sendable {
        /// The credentials and the principal they act as.
        var session: STSSession
        /// How much of the packed-policy allowance the session policies and tags use, in percent.
        var packedPolicySize: Int?
    }

    /// `AssumeRole` over the wire.
    func assumeRole(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let input = try AssumeRoleInput(context.parameters)
        let output = try assumeRole(
            input, as: context.credential, request: context.request, now: context.now, region: context.region)
        let session = output.session
        return QueryResult { xml in
            Self.writeCredentials(session, to: &xml)
            xml.element("AssumedRoleUser") { xml in
                xml.element("AssumedRoleId", session.principal.userId)
                xml.element("Arn", session.principal.arn)
            }
            if let size = output.packedPolicySize { xml.element("PackedPolicySize", String(size)) }
            if let source = input.sourceIdentity { xml.element("SourceIdentity", source) }
        }
    }

    /// Assumes a role as a caller: validates the input, evaluates the role's trust policy (principal, external id,
    /// the caller's own `sts:AssumeRole` permission where AWS requires it) and issues the session.
    /// - Parameters:
    ///   - input: The request.
    ///   - credential: The caller's credential.
    ///   - request: The HTTP request, for `aws:SourceIp`; `nil` in process.
    ///   - now: The emulator's time.
    ///   - region: The region the call is made in.
    /// - Returns: The session.
    /// - Throws: `ValidationError`, `MalformedPolicyDocument`, `PackedPolicyTooLarge` or `AccessDenied` as STS answers.
    func assumeRole(
        _ input: AssumeRoleInput, as credential: AWSCredential, request: EmulatorRequest?, now: Date, region: String
    ) throws(QueryError) -> AssumeRoleOutput {
        try validate(input)
        let sessionPolicies = try sessionPolicies(of: input)
        let caller = credential.principal
        if caller.kind == .root { throw .accessDenied("Roles may not be assumed by root accounts.") }
        let role = directory.role(arn: input.roleArn)
        var keys = ContextKeys()
        keys.set("sts:RoleSessionName", input.roleSessionName)
        if let externalId = input.externalId { keys.set("sts:ExternalId", externalId) }
        if let source = input.sourceIdentity { keys.set("sts:SourceIdentity", source) }
        if !input.tags.isEmpty {
            for tag in input.tags { keys.set("aws:RequestTag/\(tag.key)", tag.value) }
            keys.set("aws:TagKeys", values: input.tags.map(\.key))
        }
        let trust = role.map { NamedPolicy(name: "trust policy of \($0.arn)", document: $0.trustPolicy) }
        var actions = ["sts:AssumeRole"]
        if !input.tags.isEmpty { actions.append("sts:TagSession") }
        if input.sourceIdentity != nil { actions.append("sts:SetSourceIdentity") }
        for action in actions {
            let question = Authorizer.Question(
                action: action, resource: input.roleArn,
                resourceAccountId: role?.accountId ?? Self.account(of: input.roleArn),
                resourcePolicy: trust, keys: keys, requiresResourceAllow: true)
            let decision = authorizer.decide(
                question, credential: credential, request: request, now: now, region: region)
            // A missing role is denied like one whose trust policy does not allow the caller (never NoSuchEntity).
            guard role != nil, decision.isAllowed else {
                throw .accessDenied(
                    Authorizer.deniedMessage(decision, question: question, principalArn: caller.arn, explain: false))
            }
        }
        guard let role else { throw .accessDenied("Not authorized to perform sts:AssumeRole") }
        if let refusal = input.unsupportedParameter { throw refusal }
        let duration = input.durationSeconds ?? 3600
        if caller.kind == .assumedRole, duration > 3600 {
            throw .validation(
                "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.")
        }
        guard duration <= role.maxSessionDuration else {
            throw .validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")
        }
        let principal = AWSPrincipal(
            kind: .assumedRole, accountId: role.accountId,
            arn: "arn:aws:sts::\(role.accountId):assumed-role/\(role.name)/\(input.roleSessionName)",
            userId: "\(role.roleId):\(input.roleSessionName)", name: input.roleSessionName, roleArn: role.arn)
        let session = STSSession(
            accessKeyId: STSIdentifiers.temporaryAccessKeyId(), secretAccessKey: STSIdentifiers.secretAccessKey(),
            sessionToken: STSIdentifiers.sessionToken(), expiration: now.addingTimeInterval(Double(duration)),
            principal: principal, sessionPolicies: sessionPolicies.map(\.text),
            sessionTags: Dictionary(input.tags.map { ($0.key, $0.value) }) { _, last in last })
        let packedSize = packedSize(input)
        if let packedSize, packedSize > 100 { throw .packedPolicyTooLarge(percent: packedSize) }
        try issue(session)
        return AssumeRoleOutput(session: session, packedPolicySize: packedSize)
    }

    // MARK: - Validation

    private func validate(_ input: AssumeRoleInput) throws(QueryError) {
        if input.roleArn.count < 20 {
            throw .stsValidation(input.roleArn, "roleArn", "Member must have length greater than or equal to 20")
        }
        guard let arn = ARN(input.roleArn), arn.service == "iam", arn.resource.hasPrefix("role/") else {
            throw .validation("\(input.roleArn) is invalid")
        }
        try validateName(input.roleSessionName, member: "roleSessionName", extra: "")
        if let duration = input.durationSeconds, duration < 900 {
            throw .stsValidation(
                String(duration), "durationSeconds", "Member must have value greater than or equal to 900")
        }
        if let duration = input.durationSeconds, duration > 43_200 {
            throw .stsValidation(
                String(duration), "durationSeconds", "Member must have value less than or equal to 43200")
        }
        if let externalId = input.externalId {
            guard externalId.count >= 2 else {
                throw .stsValidation(externalId, "externalId", "Member must have length greater than or equal to 2")
            }
            guard externalId.count <= 1224 else {
                throw .stsValidation(externalId, "externalId", "Member must have length less than or equal to 1224")
            }
            guard externalId.allSatisfy({ Self.isNameCharacter($0) || $0 == ":" || $0 == "/" }) else {
                throw .stsValidation(
                    externalId, "externalId", #"Member must satisfy regular expression pattern: [\w+=,.@:\/-]*"#)
            }
        }
        if let policy = input.policy, policy.count > 2048 {
            throw .stsValidation(policy, "policy", "Member must have length less than or equal to 2048")
        }
        if input.policyArns.count > 10 {
            throw .stsValidation(
                "[...]", "policyArns", "Member must have length less than or equal to 10")
        }
        if input.tags.count > 50 {
            throw .stsValidation("[...]", "tags", "Member must have length less than or equal to 50")
        }
        for tag in input.tags {
            guard (1...128).contains(tag.key.count), tag.value.count <= 256 else {
                throw .validation("Tag keys must be 1 to 128 characters and values at most 256 characters.")
            }
        }
        if let source = input.sourceIdentity { try validateName(source, member: "sourceIdentity", extra: "") }
    }

    private func validateName(_ name: String, member: String, extra: String) throws(QueryError) {
        guard name.count >= 2 else {
            throw .stsValidation(name, member, "Member must have length greater than or equal to 2")
        }
        guard name.count <= 64 else {
            throw .stsValidation(name, member, "Member must have length less than or equal to 64")
        }
        guard name.allSatisfy(Self.isNameCharacter) else {
            throw .stsValidation(name, member, #"Member must satisfy regular expression pattern: [\w+=,.@-]*"#)
        }
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        (character.isASCII && (character.isLetter || character.isNumber)) || "_+=,.@-".contains(character)
    }

    static func account(of arn: String) -> String? {
        ARN(arn).map(\.account)
    }

    /// The session policies: the inline `Policy`, then the default version of each `PolicyArns` policy.
    private func sessionPolicies(of input: AssumeRoleInput) throws(QueryError) -> [PolicyDocument] {
        var documents: [PolicyDocument] = []
        if let policy = input.policy {
            do {
                documents.append(try PolicyValidator.validate(policy, kind: .identity))
            } catch {
                throw .malformedSessionPolicy(error.message)
            }
        }
        for arn in input.policyArns {
            guard let document = directory.managedPolicyDocument(arn: arn) else {
                throw .validation("Policy \(arn) does not exist or is not attachable.")
            }
            documents.append(document)
        }
        return documents
    }

    /// The packed size STS reports when session policies or tags are given, in percent of its allowance.
    private func packedSize(_ input: AssumeRoleInput) -> Int? {
        guard input.policy != nil || !input.policyArns.isEmpty || !input.tags.isEmpty else { return nil }
        let policyCharacters = (input.policy ?? "").filter { !$0.isWhitespace }.count
        let tagCharacters = input.tags.reduce(0) { $0 + $1.key.count + $1.value.count }
        return max(1, (policyCharacters + 20 * input.policyArns.count + tagCharacters) * 100 / 2048)
    }
}
