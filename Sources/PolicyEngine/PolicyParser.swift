/// A document as the parser read it, with what the kind-specific checks need beyond the public model.
struct ParsedPolicy {
    struct Statement {
        var statement: PolicyStatement
        /// `Effect` as written (IAM accepts `allow` in its first pass and refuses it in the second).
        var effectText: String
        /// Whether the statement has `Principal` or `NotPrincipal`, even one too malformed to read.
        var hasPrincipalElement: Bool
    }

    var document: PolicyDocument
    var statements: [Statement]
}

/// Reads policy JSON into a ``PolicyDocument``, checking the grammar every kind of policy shares.
///
/// For IAM identity policies (`Syntax errors in policy.`) the whole document is checked before anything else, as
/// IAM does; a malformed `Principal` is no syntax error there, because any principal is an error of its own.
enum PolicyParser {
    static let documentFields: Set<String> = ["Version", "Id", "Statement"]
    static let statementFields: Set<String> = [
        "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition",
    ]

    static func parse(_ text: String, kind: PolicyKind) throws(PolicyValidationError) -> ParsedPolicy {
        do {
            return try parseGrammar(text, kind: kind)
        } catch {
            throw PolicyValidationError(kind: kind, message: error.message(for: kind))
        }
    }

    private static func parseGrammar(_ text: String, kind: PolicyKind) throws(PolicyGrammarError) -> ParsedPolicy {
        let isIdentity = if case .identity = kind.storage { true } else { false }
        if kind.resourceContext != nil, text.utf8.first != UInt8(ascii: "{") { throw .firstByteNotBrace }
        let root: JSONValue
        do {
            root = try JSONReader.read(text)
        } catch {
            throw .invalidJSON
        }
        guard let fields = root.members else { throw .invalidJSON }
        for (name, _) in fields where !documentFields.contains(name) { throw .unknownField(name) }

        var version: String?
        if let value = root.member("Version") {
            guard case .string(let text) = value,
                text == PolicyDocument.currentVersion || text == PolicyDocument.legacyVersion
            else { throw .invalidVersion }
            version = text
        }
        var id: String?
        if let value = root.member("Id") {
            guard case .string(let text) = value else { throw .malformed }
            id = text
        }
        let statementValues: [JSONValue]
        switch root.member("Statement") {
        case nil: throw .missingStatement
        case .array(let values)?: statementValues = values
        case let value? where value.members != nil: statementValues = [value]
        default: throw .malformed
        }
        guard !statementValues.isEmpty else { throw .emptyStatement }
        var statements: [ParsedPolicy.Statement] = []
        for value in statementValues {
            statements.append(try parseStatement(value, identityPolicy: isIdentity))
        }
        let document = PolicyDocument(version: version, id: id, statements: statements.map(\.statement), text: text)
        return ParsedPolicy(document: document, statements: statements)
    }

    // MARK: - Statement

    /// - Parameter identityPolicy: IAM's identity-policy parser: `Effect` compares case-insensitively here (and
    ///   exactly in a later pass), a malformed principal is left to the principal rule, and an unknown condition
    ///   operator with an empty block is ignored.
    private static func parseStatement(
        _ value: JSONValue, identityPolicy: Bool
    ) throws(PolicyGrammarError) -> ParsedPolicy.Statement {
        guard let fields = value.members else { throw .malformed }
        for (name, _) in fields where !statementFields.contains(name) { throw .unknownField(name) }
        let has = { (name: String) in value.member(name) != nil }
        if has("Action") && has("NotAction") || has("Resource") && has("NotResource")
            || has("Principal") && has("NotPrincipal")
        {
            throw .malformed
        }

        guard let effectValue = value.member("Effect") else { throw .missingEffect }
        guard case .string(let effectText) = effectValue else {
            if identityPolicy { throw .malformed }
            throw .invalidEffect(effectValue.scalarText ?? "")
        }
        let effect = PolicyStatement.Effect.allCases.first {
            identityPolicy ? $0.rawValue.lowercased() == effectText.lowercased() : $0.rawValue == effectText
        }
        guard let effect else { throw .invalidEffect(effectText) }

        var statement = PolicyStatement(effect: effect)
        statement.action = try value.member("Action").map(stringList)
        statement.notAction = try value.member("NotAction").map(stringList)
        statement.resource = try value.member("Resource").map(stringList)
        statement.notResource = try value.member("NotResource").map(stringList)
        do {
            statement.principal = try value.member("Principal").map(principal)
            statement.notPrincipal = try value.member("NotPrincipal").map(principal)
        } catch {
            // An identity policy may not name a principal at all, which is reported as such later.
            if !identityPolicy { throw error }
        }
        if let condition = value.member("Condition") {
            statement.conditions = try conditions(condition, skipEmptyUnknown: identityPolicy)
        }
        if let sid = value.member("Sid") {
            guard case .string(let text) = sid else { throw .malformed }
            statement.sid = text
        }
        return ParsedPolicy.Statement(
            statement: statement, effectText: effectText, hasPrincipalElement: has("Principal") || has("NotPrincipal"))
    }

    /// A string or a list of strings; `null` entries in a list are skipped, as IAM does.
    private static func stringList(_ value: JSONValue) throws(PolicyGrammarError) -> [String] {
        switch value {
        case .string(let text):
            return [text]
        case .array(let elements):
            var result: [String] = []
            for element in elements {
                switch element {
                case .string(let text): result.append(text)
                case .null: continue
                default: throw .malformed
                }
            }
            return result
        default:
            throw .malformed
        }
    }

    // MARK: - Principal

    private static func principal(_ value: JSONValue) throws(PolicyGrammarError) -> PolicyPrincipal {
        if case .string("*") = value { return .wildcard }
        guard let members = value.members else { throw .malformed }
        guard !members.isEmpty else { throw .emptyPrincipal }
        var values: [PolicyPrincipal.Kind: [String]] = [:]
        for (name, body) in members {
            guard let kind = PolicyPrincipal.Kind(rawValue: name) else { throw .unknownPrincipalType(name) }
            switch body {
            case .string(let text): values[kind] = [text]
            case .array(let elements):
                var list: [String] = []
                for element in elements {
                    guard case .string(let text) = element else { throw .malformed }
                    list.append(text)
                }
                values[kind] = list
            default: throw .malformed
            }
        }
        return PolicyPrincipal(values)
    }

    // MARK: - Condition

    /// The conditions of a `Condition` element, one per operator and key in document order.
    /// - Parameter skipEmptyUnknown: IAM accepts an unknown operator whose block is empty (and ignores it).
    private static func conditions(
        _ value: JSONValue, skipEmptyUnknown: Bool
    ) throws(PolicyGrammarError) -> [PolicyCondition] {
        guard let blocks = value.members else { throw .malformed }
        var conditions: [PolicyCondition] = []
        for (name, block) in blocks {
            guard let keys = block.members else { throw .malformed }
            let condition = ConditionOperator(name)
            for (_, values) in keys {
                switch values {
                case .array(let elements):
                    for element in elements where element.scalarText == nil { throw .malformed }
                case .string, .number, .bool: break
                case .null, .object: throw .malformed
                }
            }
            guard let condition else {
                if skipEmptyUnknown && keys.isEmpty { continue }
                throw .unknownConditionOperator(name)
            }
            for (key, values) in keys {
                let texts: [String]
                if case .array(let elements) = values {
                    texts = elements.compactMap(\.scalarText)
                } else {
                    texts = values.scalarText.map { [$0] } ?? []
                }
                conditions.append(PolicyCondition(operator: condition, key: key, values: texts))
            }
        }
        return conditions
    }
}
