/// IAM's rules for identity policies (inline and managed), in the order IAM applies them: each pass runs over the
/// whole document before the next one starts, so the message names the first pass that fails.
enum IdentityPolicyRules {
    static func firstProblem(in parsed: ParsedPolicy, managed: Bool) -> String? {
        let statements = parsed.document.statements
        if parsed.statements.contains(where: \.hasPrincipalElement) { return IAMMessages.principalNotAllowed }
        if managed && parsed.document.version != PolicyDocument.currentVersion { return IAMMessages.versionTooOld }

        // Legacy parsing: exact effects, date values, then resource formats.
        if parsed.statements.contains(where: { $0.effectText != $0.statement.effect.rawValue }) {
            return IAMMessages.legacyParsing
        }
        for condition in statements.flatMap(\.conditions) where condition.operator.base.family == .date {
            if !condition.values.allSatisfy(DateConditionValue.isValid) { return IAMMessages.legacyParsing }
        }
        var resourceProblem: String?
        for element in [\PolicyStatement.resource, \PolicyStatement.notResource] {
            for statement in statements {
                guard let resources = statement[keyPath: element] else { continue }
                for resource in resources where resourceProblem == nil {
                    resourceProblem = IAMResourceFormat.problem(with: resource)
                }
                if resourceProblem == nil, !resources.allSatisfy(IAMResourceFormat.passesLegacyParsing) {
                    return IAMMessages.legacyParsing
                }
            }
        }

        let sids = statements.compactMap(\.sid).filter { !$0.isEmpty }
        if Set(sids).count != sids.count { return IAMMessages.duplicateSid }
        if statements.contains(where: { ($0.action ?? $0.notAction ?? []).isEmpty }) {
            return IAMMessages.missingActions
        }
        if let resourceProblem { return resourceProblem }
        for element in [\PolicyStatement.action, \PolicyStatement.notAction] {
            for action in statements.compactMap({ $0[keyPath: element] }).joined() {
                if let problem = vendorProblem(action) { return problem }
            }
        }
        // IAM checks that resources are present last of all.
        if statements.contains(where: { ($0.resource ?? $0.notResource ?? []).isEmpty }) {
            return IAMMessages.missingResources
        }
        return nil
    }

    /// An action must be `vendor:name`, or `*`.
    static func vendorProblem(_ action: String) -> String? {
        let parts = action.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 1 && action != "*" { return IAMMessages.missingVendor }
        if parts.count > 2 { return IAMMessages.oneColon }
        let vendor = parts[0]
        if vendor != "*", !vendor.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) {
            return IAMMessages.invalidVendor(vendor)
        }
        return nil
    }
}
