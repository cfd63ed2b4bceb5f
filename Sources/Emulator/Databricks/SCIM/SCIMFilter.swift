/// The SCIM filter expressions Databricks clients send: `attribute op "value"` with `eq`, `ne`, `co`, `sw`, `ew`,
/// `pr`, joined by `and` or `or` (no grouping).
struct SCIMFilter: Sendable {
    private struct Clause {
        var attribute: String
        var op: String
        var value: String
    }

    private var clauses: [Clause] = []
    private var joinedByOr = false

    init(_ text: String) throws(SCIMError) {
        var tokens: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" {
                quoted.toggle()
                current.append(character)
            } else if character == " ", !quoted {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        var index = 0
        while index < tokens.count {
            guard index + 1 < tokens.count else { throw .invalid("Invalid filter: \(text)") }
            let attribute = tokens[index]
            let op = tokens[index + 1].lowercased()
            if op == "pr" {
                clauses.append(Clause(attribute: attribute, op: op, value: ""))
                index += 2
            } else {
                guard index + 2 < tokens.count else { throw .invalid("Invalid filter: \(text)") }
                var value = tokens[index + 2]
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                    value = String(value.dropFirst().dropLast())
                }
                clauses.append(Clause(attribute: attribute, op: op, value: value))
                index += 3
            }
            if index < tokens.count {
                let joiner = tokens[index].lowercased()
                guard joiner == "and" || joiner == "or" else { throw .invalid("Invalid filter: \(text)") }
                joinedByOr = joiner == "or"
                index += 1
            }
        }
    }

    func matches(_ resource: JSONObject) -> Bool {
        let results = clauses.map { clause in
            let actual = Self.value(of: clause.attribute, in: resource)
            let value = clause.value.lowercased()
            switch clause.op {
            case "eq": return actual.contains { $0.lowercased() == value }
            case "ne": return !actual.contains { $0.lowercased() == value }
            case "co": return actual.contains { $0.lowercased().contains(value) }
            case "sw": return actual.contains { $0.lowercased().hasPrefix(value) }
            case "ew": return actual.contains { $0.lowercased().hasSuffix(value) }
            case "pr": return !actual.isEmpty
            default: return false
            }
        }
        return joinedByOr ? results.contains(true) : !results.contains(false)
    }

    private static func value(of attribute: String, in resource: JSONObject) -> [String] {
        let parts = attribute.split(separator: ".").map(String.init)
        guard let first = parts.first else { return [] }  // "." alone names no attribute
        var values: [JSONValue] = [resource[first] ?? .null]
        for part in parts.dropFirst() {
            values = values.flatMap { value -> [JSONValue] in
                if let array = value.array { return array.compactMap { $0[part] } }
                return value[part].map { [$0] } ?? []
            }
        }
        return values.flatMap { value -> [String] in
            switch value {
            case .string(let string): [string]
            case .bool(let flag): [String(flag)]
            case .int(let number): [String(number)]
            case .array(let items): items.compactMap { $0["value"]?.string ?? $0.string }
            default: []
            }
        }
    }
}
