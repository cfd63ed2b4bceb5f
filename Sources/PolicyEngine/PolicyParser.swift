import Foundation

/// Reads policy JSON into a ``PolicyDocument``, checking the grammar every kind of policy shares.
enum PolicyParser {
    static let documentFields: Set<String> = ["Version", "Id", "Statement"]
    static let statementFields: Set<String> = [
        "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition",
    ]

    static func parse(_ text: String) throws(PolicyValidationError) -> PolicyDocument {
        guard text.drop(while: { $0.isWhitespace }).first == "{" else { throw .syntax }
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw .syntax
        }
        guard case .object(let fields) = root else { throw .syntax }
        for name in fields.keys where !documentFields.contains(name) { throw .unknownField(name) }
        var version: String?
        if let value = fields["Version"] {
            guard case .string(let text) = value, ["2012-10-17", "2008-10-17"].contains(text) else {
                throw PolicyValidationError(
                    iam: "The policy failed legacy parsing", s3: "Invalid policy document: invalid Version")
            }
            version = text
        }
        var id: String?
        if let value = fields["Id"] {
            guard case .string(let text) = value else { throw .syntax }
            id = text
        }
        let statementValues: [JSONValue]
        switch fields["Statement"] {
        case .array(let values)?: statementValues = values
        case .object?: statementValues = [fields["Statement"]!]
        case nil: throw .missingField("Statement")
        default: throw .syntax
        }
        guard !statementValues.isEmpty else { throw .missingField("Statement") }
        var statements: [PolicyStatement] = []
        var sids = Set<String>()
        for value in statementValues {
            let statement = try parseStatement(value)
            if let sid = statement.sid, !sid.isEmpty, !sids.insert(sid).inserted {
                throw PolicyValidationError(
                    iam: "Statement IDs (SID) in a single policy must be unique.",
                    s3: "Statement IDs (SID) must be unique within a policy")
            }
            statements.append(statement)
        }
        return PolicyDocument(version: version, id: id, statements: statements, text: text)
    }

    static func parseStatement(_ value: JSONValue) throws(PolicyValidationError) -> PolicyStatement {
        guard case .object(let fields) = value else { throw .syntax }
        for name in fields.keys where !statementFields.contains(name) { throw .unknownField(name) }
        var sid: String?
        if let value = fields["Sid"] {
            guard case .string(let text) = value else { throw .syntax }
            sid = text
        }
        guard let effectValue = fields["Effect"] else { throw .missingField("Effect") }
        guard case .string(let effectText) = effectValue, let effect = PolicyStatement.Effect(rawValue: effectText) else {
            throw PolicyValidationError(
                iam: "Syntax errors in policy.", s3: "Invalid effect: \(effectValue.scalarText ?? "")")
        }
        if fields["Principal"] != nil && fields["NotPrincipal"] != nil { throw .syntax }
        var principal: PolicyPrincipal?
        if let value = fields["Principal"] ?? fields["NotPrincipal"] { principal = try parsePrincipal(value) }
        let actions: PolicyStatement.Match
        switch (fields["Action"], fields["NotAction"]) {
        case (let value?, nil): actions = .only(try strings(value))
        case (nil, let value?): actions = .allExcept(try strings(value))
        case (nil, nil):
            throw PolicyValidationError(
                iam: "Policy statement must contain actions.", s3: "Missing required field Action")
        default: throw .syntax
        }
        var resources: PolicyStatement.Match?
        switch (fields["Resource"], fields["NotResource"]) {
        case (let value?, nil): resources = .only(try strings(value))
        case (nil, let value?): resources = .allExcept(try strings(value))
        case (nil, nil): resources = nil
        default: throw .syntax
        }
        var conditions: [PolicyCondition] = []
        if let value = fields["Condition"] {
            guard case .object(let operators) = value else { throw .syntax }
            for (operatorName, body) in operators.sorted(by: { $0.key < $1.key }) {
                guard let parts = PolicyCondition.parseOperator(operatorName) else {
                    throw PolicyValidationError(
                        iam: "Invalid Condition type : \(operatorName).",
                        s3: "Invalid Condition type : \(operatorName)")
                }
                guard case .object(let keys) = body, !keys.isEmpty else { throw .syntax }
                for (key, values) in keys.sorted(by: { $0.key < $1.key }) {
                    conditions.append(
                        PolicyCondition(
                            operatorName: operatorName, baseOperator: parts.base, ifExists: parts.ifExists,
                            setQualifier: parts.qualifier, key: key, values: try strings(values)))
                }
            }
        }
        return PolicyStatement(
            sid: sid, effect: effect, principal: principal, principalIsNegated: fields["NotPrincipal"] != nil,
            actions: actions, resources: resources, conditions: conditions)
    }

    static func parsePrincipal(_ value: JSONValue) throws(PolicyValidationError) -> PolicyPrincipal {
        switch value {
        case .string("*"):
            return .anyone
        case .object(let types):
            var identities: [String: [String]] = [:]
            for (type, values) in types {
                guard PolicyPrincipal.types.contains(type) else {
                    throw PolicyValidationError(
                        iam: "Invalid principal in policy: \"\(type)\"", s3: "Invalid principal in policy")
                }
                identities[type] = try strings(values)
            }
            guard !identities.isEmpty else {
                throw PolicyValidationError(iam: "Invalid principal in policy", s3: "Invalid principal in policy")
            }
            return .identities(identities)
        default:
            throw PolicyValidationError(iam: "Invalid principal in policy", s3: "Invalid principal in policy")
        }
    }

    /// A string or an array of strings (numbers and booleans in their JSON text).
    static func strings(_ value: JSONValue) throws(PolicyValidationError) -> [String] {
        switch value {
        case .array(let values):
            var result: [String] = []
            for element in values {
                guard let text = element.scalarText else { throw .syntax }
                result.append(text)
            }
            return result
        default:
            guard let text = value.scalarText else { throw .syntax }
            return [text]
        }
    }
}
