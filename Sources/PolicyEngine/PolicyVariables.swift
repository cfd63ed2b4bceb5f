/// Substitutes policy variables (`${aws:username}`, `${*}`, `${?}`, `${$}`) in element and condition values.
public enum PolicyVariables {
    /// Replaces each `${key}` with its value from `lookup`; a key without a value stays as it is, as AWS documents
    /// for keys that are not in the request (such a value then matches nothing literal).
    /// - Parameters:
    ///   - text: A resource or condition value.
    ///   - lookup: The request context.
    /// - Returns: The value with variables substituted.
    public static func substitute(_ text: String, lookup: (String) -> String?) -> String {
        guard text.contains("${") else { return text }
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                out += rest[start.lowerBound...]
                return out
            }
            let key = String(rest[start.upperBound..<end])
            switch key {
            case "*": out += "*"
            case "?": out += "?"
            case "$": out += "$"
            default: out += lookup(key) ?? "${\(key)}"
            }
            rest = rest[rest.index(after: end)...]
        }
        out += rest
        return out
    }
}
