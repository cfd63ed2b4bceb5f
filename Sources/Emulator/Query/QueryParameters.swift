/// The parameters of a query-protocol request (`Action=CreateRole&RoleName=r&Tags.member.1.Key=team`), with the
/// accessors operations read them through.
///
/// Lists are flattened as AWS's query protocol does: `Name.member.1`, `Name.member.2`, ...; a list of structures as
/// `Name.member.1.Field`. Numbering starts at 1 and may have gaps, which are closed in order.
public struct QueryParameters: Sendable {
    /// The parameters in the order they were sent; a name given twice keeps its first value.
    public private(set) var items: [(name: String, value: String)]
    private var index: [String: String]

    /// Creates parameters from decoded name–value pairs.
    public init(_ items: [(name: String, value: String)]) {
        self.items = items
        var index: [String: String] = [:]
        for item in items where index[item.name] == nil { index[item.name] = item.value }
        self.index = index
    }

    /// The value of a parameter, or `nil` when it was not sent.
    public subscript(name: String) -> String? { index[name] }

    /// The value of a required parameter.
    /// - Throws: `ValidationError` naming the parameter when it is absent, as IAM and STS answer.
    public func required(_ name: String) throws(QueryError) -> String {
        guard let value = index[name] else {
            throw .validation(
                "1 validation error detected: Value null at '\(Self.memberName(name))' failed to satisfy constraint: Member must not be null"
            )
        }
        return value
    }

    /// An integer parameter, or `nil` when absent.
    /// - Throws: `ValidationError` when it is not an integer.
    public func integer(_ name: String) throws(QueryError) -> Int? {
        guard let text = index[name] else { return nil }
        guard let value = Int(text) else {
            throw .validation(
                "1 validation error detected: Value '\(text)' at '\(Self.memberName(name))' failed to satisfy constraint: Member must be a number"
            )
        }
        return value
    }

    /// A boolean parameter (`true`/`false`, any case), or `nil` when absent.
    /// - Throws: `ValidationError` when it is neither.
    public func boolean(_ name: String) throws(QueryError) -> Bool? {
        guard let text = index[name] else { return nil }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default:
            throw .validation(
                "1 validation error detected: Value '\(text)' at '\(Self.memberName(name))' failed to satisfy constraint: Member must be a boolean"
            )
        }
    }

    /// A list of strings sent as `Name.member.N`.
    public func list(_ name: String) -> [String] {
        members(of: name).compactMap { entry in entry.value }
    }

    /// A list of structures sent as `Name.member.N.Field`, each as its own parameters (`Field`, ...).
    public func structures(_ name: String) -> [QueryParameters] {
        members(of: name).map { QueryParameters($0.fields) }
    }

    /// Whether any parameter of a list was sent (an empty list is sent as `Name=`).
    public func hasList(_ name: String) -> Bool {
        items.contains { $0.name == name || $0.name.hasPrefix(name + ".member.") }
    }

    // MARK: - Members

    private func members(of name: String) -> [(number: Int, value: String?, fields: [(name: String, value: String)])] {
        let prefix = name + ".member."
        var byNumber: [Int: (value: String?, fields: [(name: String, value: String)])] = [:]
        for item in items where item.name.hasPrefix(prefix) {
            let rest = item.name.dropFirst(prefix.count)
            let numberText = rest.prefix { $0 != "." }
            guard let number = Int(numberText), number > 0 else { continue }
            var entry = byNumber[number] ?? (nil, [])
            if numberText.count == rest.count {
                if entry.value == nil { entry.value = item.value }
            } else {
                entry.fields.append((String(rest.dropFirst(numberText.count + 1)), item.value))
            }
            byNumber[number] = entry
        }
        return byNumber.keys.sorted().map { number in
            let entry = byNumber[number]!
            return (number, entry.value, entry.fields)
        }
    }

    /// The name AWS's validation messages use for a parameter: the first letter lowercased (`roleName`).
    static func memberName(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.lowercased() + name.dropFirst()
    }
}
