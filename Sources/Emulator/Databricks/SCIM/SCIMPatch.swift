/// SCIM PATCH operations on one resource (RFC 7644 §3.5.2), for the paths Databricks clients use: `members`,
/// `groups`, `entitlements`, `roles`, `active`, `displayName`, `members[value eq "id"]`, or no path (merge).
enum SCIMPatch {
    static func apply(op: String, path: String?, value: JSONValue?, to resource: inout JSONObject) throws(SCIMError) {
        guard let path, !path.isEmpty else {
            guard op != "remove", let members = value?.object else { throw .invalid("value must be an object") }
            for (key, member) in members { try apply(op: op, path: key, value: member, to: &resource) }
            return
        }
        // members[value eq "123"]
        if let bracket = path.firstIndex(of: "[") {
            let attribute = String(path[..<bracket])
            let filter = path[path.index(after: bracket)...].dropLast()
            let target = filter.split(separator: "\"").dropFirst().first.map(String.init) ?? ""
            guard op == "remove" else { throw .invalid("Unsupported filtered path for \(op): \(path)") }
            let items = resource[attribute]?.array ?? []
            resource[attribute] = .array(items.filter { $0["value"]?.string != target })
            return
        }
        switch op {
        case "add":
            if case .array(let added) = value ?? .null, let existing = resource[path]?.array {
                let values = Set(existing.compactMap { $0["value"]?.string })
                resource[path] = .array(existing + added.filter { !values.contains($0["value"]?.string ?? "") })
            } else {
                resource[path] = value ?? .null
            }
        case "replace":
            resource[path] = value ?? .null
        case "remove":
            if case .array(let removed) = value ?? .null, let existing = resource[path]?.array {
                let values = Set(removed.compactMap { $0["value"]?.string })
                resource[path] = .array(existing.filter { !values.contains($0["value"]?.string ?? "") })
            } else {
                resource[path] = nil
            }
        default:
            throw .invalid("Unsupported op: \(op)")
        }
    }
}
