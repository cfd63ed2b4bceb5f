import AWSWire
import PolicyEngine

extension IAMService {
    /// `SimulatePrincipalPolicy`: the policies of a user, group or role (plus `PolicyInputList`), evaluated for
    /// each action and resource.
    func simulatePrincipalPolicy(_ context: QueryContext) throws(QueryError) -> QueryResult {
        let source = try context.parameters.required("PolicySourceArn")
        try context.authorize("iam:SimulatePrincipalPolicy", resource: source)
        guard let arn = ARN(source), arn.service == "iam" else { throw .invalidInput("Invalid ARN: \(source)") }
        let parts = arn.resource.split(separator: "/")
        guard let type = parts.first, let name = parts.last.map(String.init) else {
            throw .invalidInput("Invalid ARN: \(source)")
        }
        let principal: PrincipalIdentity
        let policies: [NamedPolicy] = try read { state throws(QueryError) in
            switch type {
            case "user":
                let user = try self.user(name, account: arn.account, in: state)
                return self.policies(
                    of: AWSPrincipal(
                        kind: .user, accountId: user.accountId, arn: user.arn, userId: user.id, name: user.name),
                    in: state)
            case "role":
                let role = try self.role(name, account: arn.account, in: state)
                return self.policies(
                    of: AWSPrincipal(
                        kind: .assumedRole, accountId: role.accountId, arn: role.arn, userId: role.id,
                        roleArn: role.arn), in: state)
            case "group":
                let group = try self.group(name, account: arn.account, in: state)
                return group.inlinePolicies.compactMap { inline in
                    documents.document(inline.document).map {
                        NamedPolicy(name: "\(group.arn) inline policy \(inline.name)", document: $0)
                    }
                }
                    + group.attachedPolicies.compactMap { policyArn in
                        managedDocument(policyArn, in: state).map { NamedPolicy(name: policyArn, document: $0) }
                    }
            default:
                throw .invalidInput("Invalid ARN: \(source)")
            }
        }
        switch type {
        case "role":
            principal = PrincipalIdentity(
                kind: .assumedRole, accountId: arn.account, arn: source, userId: name, name: name, roleArn: source)
        default:
            principal = PrincipalIdentity(kind: .user, accountId: arn.account, arn: source, userId: name, name: name)
        }
        return try simulate(context, principal: principal, policies: policies + (try inputPolicies(context)))
    }

    /// `SimulateCustomPolicy`: only the given policies, for a caller (`CallerArn`) or an anonymous user of the account.
    func simulateCustomPolicy(_ context: QueryContext) throws(QueryError) -> QueryResult {
        try context.authorize("iam:SimulateCustomPolicy", resource: "*")
        let policies = try inputPolicies(context)
        guard !policies.isEmpty else { throw .missingParameter("PolicyInputList") }
        let account = context.principal.accountId
        let callerArn = context.parameters["CallerArn"] ?? "arn:aws:iam::\(account):user/SimulatedUser"
        let name = String(callerArn.split(separator: "/").last ?? "SimulatedUser")
        let principal = PrincipalIdentity(
            kind: .user, accountId: ARN(callerArn)?.account ?? account, arn: callerArn, userId: name, name: name)
        return try simulate(context, principal: principal, policies: policies)
    }

    private func inputPolicies(_ context: QueryContext) throws(QueryError) -> [NamedPolicy] {
        var policies: [NamedPolicy] = []
        for (index, text) in context.parameters.list("PolicyInputList").enumerated() {
            do {
                let document = try PolicyValidator.validate(text, kind: .identity)
                policies.append(NamedPolicy(name: "PolicyInputList.\(index + 1)", document: document))
            } catch {
                throw .malformedPolicyDocument(error.message)
            }
        }
        return policies
    }

    private func simulate(
        _ context: QueryContext, principal: PrincipalIdentity, policies: [NamedPolicy]
    ) throws(QueryError) -> QueryResult {
        let actions = context.parameters.list("ActionNames")
        guard !actions.isEmpty else { throw .missingParameter("ActionNames") }
        var resources = context.parameters.list("ResourceArns")
        if resources.isEmpty { resources = ["*"] }
        var keys = ContextKeys()
        for entry in context.parameters.structures("ContextEntries") {
            guard let key = entry["ContextKeyName"] else { continue }
            keys.set(key, values: entry.list("ContextKeyValues"))
        }
        var resourcePolicy: NamedPolicy?
        if let text = context.parameters["ResourcePolicy"] {
            do {
                resourcePolicy = NamedPolicy(
                    name: "ResourcePolicy", document: try PolicyDocument.parse(text, kind: .resource(.s3Bucket("*"))))
            } catch {
                throw .malformedPolicyDocument(error.message)
            }
        }
        let owner = context.parameters["ResourceOwner"].flatMap { ARN($0)?.account }
        let evaluator = PolicyEvaluator()
        var results: [(action: String, resource: String, decision: Decision)] = []
        for action in actions {
            for resource in resources {
                let request = RequestContext(
                    principal: principal, action: action, resource: resource, resourceAccountId: owner, keys: keys)
                let decision = evaluator.evaluate(
                    request, policies: PolicySet(identity: policies, resource: resourcePolicy))
                results.append((action, resource, decision))
            }
        }
        let page = try IAMPage(results, parameters: context.parameters)
        let hasResourcePolicy = resourcePolicy != nil
        var positions: [String: [(start: TextPosition, end: TextPosition)]] = [:]
        for policy in policies + (resourcePolicy.map { [$0] } ?? []) where positions[policy.name] == nil {
            positions[policy.name] = policy.document.statementPositions
        }
        let statementPositions = positions
        return QueryResult { xml in
            page.write("EvaluationResults", to: &xml) { result, xml in
                xml.element("member") { xml in
                    xml.element("EvalActionName", result.action)
                    xml.element("EvalResourceName", result.resource)
                    xml.element("EvalDecision", result.decision.outcome.rawValue)
                    xml.element("MatchedStatements") { xml in
                        for statement in result.decision.matchedStatements {
                            xml.element("member") { xml in
                                let source = Self.source(statement)
                                xml.element("SourcePolicyId", source.id)
                                xml.element("SourcePolicyType", source.type)
                                if let position = statementPositions[statement.policyName]?[safe: statement.index] {
                                    xml.element("StartPosition") { xml in
                                        xml.element("Line", String(position.start.line))
                                        xml.element("Column", String(position.start.column))
                                    }
                                    xml.element("EndPosition") { xml in
                                        xml.element("Line", String(position.end.line))
                                        xml.element("Column", String(position.end.column))
                                    }
                                }
                            }
                        }
                    }
                    xml.element("MissingContextValues") { xml in
                        for key in result.decision.missingContextKeys { xml.element("member", key) }
                    }
                    if hasResourcePolicy {
                        xml.element("EvalDecisionDetails") { xml in
                            xml.element("entry") { xml in
                                xml.element("key", "ResourcePolicy")
                                let fromResource = result.decision.matchedStatements.contains { $0.source == .resource }
                                xml.element("value", fromResource ? result.decision.outcome.rawValue : "implicitDeny")
                            }
                        }
                    }
                }
            }
        }
    }

    /// IAM's `SourcePolicyId` and `SourcePolicyType`: an inline policy by its name with the type of its entity
    /// (`user`, `group`, `role`), a managed policy by ARN (`aws-managed` or `managed`), a given one as `IAM Policy`.
    private static func source(_ statement: MatchedStatement) -> (id: String, type: String) {
        let name = statement.policyName
        if statement.source == .resource { return (name, "resource") }
        if let range = name.range(of: " inline policy ") {
            let entity = name[..<range.lowerBound]
            let type = entity.contains(":group/") ? "group" : (entity.contains(":role/") ? "role" : "user")
            return (String(name[range.upperBound...]), type)
        }
        if name.hasPrefix("arn:aws:iam::aws:policy/") { return (name, "aws-managed") }
        if name.hasPrefix("arn:") { return (name, "managed") }
        return (name, "IAM Policy")
    }
}

extension Array {
    /// The element at an index, or `nil` when the index is out of range.
    fileprivate subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
