/// Policy variables: `${key}` placeholders in `Resource` and `Condition` values of `2012-10-17` documents, replaced
/// by values from the request context when a policy is evaluated.
///
/// - `${aws:username}` is the value of the context key `aws:username`.
/// - `${aws:PrincipalTag/team, 'company-wide'}` falls back to the quoted default when the key has no value; inside
///   the quotes `''` stands for one `'`.
/// - `${*}`, `${?}` and `${$}` stand for a literal `*`, `?` and `$`: characters that would otherwise be a wildcard
///   or start a variable.
///
/// A variable whose key has no value and no default makes the whole value unresolvable: a resource pattern holding
/// it matches nothing, and a condition value holding it never matches. Substitution happens once: a value that
/// itself contains `${...}` is not substituted again.
public enum PolicyVariables {
    /// A piece of a value after substitution.
    public enum Segment: Sendable, Hashable {
        /// Policy text, in which `*` and `?` are wildcards for operators that have them.
        case pattern(String)
        /// A variable's value or a special character, which matches only itself.
        case literal(String)
    }

    /// Whether a value holds anything that looks like a policy variable.
    public static func containsVariables(_ text: String) -> Bool {
        var previousWasDollar = false
        for byte in text.utf8 {
            if previousWasDollar, byte == UInt8(ascii: "{") { return true }
            previousWasDollar = byte == UInt8(ascii: "$")
        }
        return false
    }

    /// The range of the first `${` in a text (a byte scan; `firstRange(of:)` is generic and slow).
    private static func variableStart(in text: Substring) -> Range<Substring.Index>? {
        var index = text.utf8.startIndex
        let end = text.utf8.endIndex
        while index < end {
            let next = text.utf8.index(after: index)
            if text.utf8[index] == UInt8(ascii: "$"), next < end, text.utf8[next] == UInt8(ascii: "{") {
                return index..<text.utf8.index(after: next)
            }
            index = next
        }
        return nil
    }

    /// Splits a value into policy text and substituted literals.
    /// - Parameters:
    ///   - text: A `Resource` or `Condition` value.
    ///   - lookup: The value of a context key in the request, or `nil` when the request has none. It receives the
    ///     key as written; AWS compares keys case-insensitively.
    /// - Returns: The segments, or `nil` when a variable has no value and no default.
    public static func segments(_ text: String, lookup: (String) -> String?) -> [Segment]? {
        guard containsVariables(text) else { return [.pattern(text)] }
        var segments: [Segment] = []
        var pending = ""
        var rest = Substring(text)
        while let start = variableStart(in: rest) {
            pending += rest[..<start.lowerBound]
            guard let variable = Variable(parsing: rest[start.upperBound...]) else {
                pending += "${"
                rest = rest[start.upperBound...]
                continue
            }
            let value: String?
            switch variable.key {
            case "*", "?", "$": value = variable.key
            default: value = lookup(variable.key) ?? variable.defaultValue
            }
            guard let value else { return nil }
            if !pending.isEmpty { segments.append(.pattern(pending)) }
            pending = ""
            segments.append(.literal(value))
            rest = variable.remainder
        }
        pending += rest
        if !pending.isEmpty { segments.append(.pattern(pending)) }
        return segments
    }

    /// Substitutes the variables of a value, for operators without wildcards (`StringEquals`, `ArnEquals`, ...).
    /// - Parameters:
    ///   - text: A `Resource` or `Condition` value.
    ///   - lookup: The value of a context key in the request, or `nil` when the request has none.
    /// - Returns: The value with each variable replaced, or `nil` when a variable has no value and no default.
    public static func substitute(_ text: String, lookup: (String) -> String?) -> String? {
        guard let segments = segments(text, lookup: lookup) else { return nil }
        return segments.map { segment in
            switch segment {
            case .pattern(let text), .literal(let text): text
            }
        }.joined()
    }

    /// One `${key}` or `${key, 'default'}` after its `${`.
    private struct Variable {
        var key: String
        var defaultValue: String?
        /// The text after the closing `}`.
        var remainder: Substring

        init?(parsing text: Substring) {
            // A byte scan: `}`, `,`, `'` and spaces are ASCII, so UTF-8 indices are character boundaries at them.
            let bytes = text.utf8
            var index = bytes.startIndex
            while index < bytes.endIndex, bytes[index] != UInt8(ascii: "}"), bytes[index] != UInt8(ascii: ",") {
                index = bytes.index(after: index)
            }
            guard index < bytes.endIndex else { return nil }
            self.key = Self.trimmingSpaces(text[text.startIndex..<index])
            guard !self.key.isEmpty else { return nil }
            if bytes[index] == UInt8(ascii: ",") {
                index = bytes.index(after: index)
                while index < bytes.endIndex, bytes[index] == UInt8(ascii: " ") { index = bytes.index(after: index) }
                guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "'") else { return nil }
                index = bytes.index(after: index)
                var value = ""
                var runStart = index
                while true {
                    guard index < bytes.endIndex else { return nil }
                    if bytes[index] != UInt8(ascii: "'") {
                        index = bytes.index(after: index)
                        continue
                    }
                    value += text[runStart..<index]
                    index = bytes.index(after: index)
                    if index < bytes.endIndex, bytes[index] == UInt8(ascii: "'") {
                        value.append("'")
                        index = bytes.index(after: index)
                        runStart = index
                    } else {
                        break
                    }
                }
                while index < bytes.endIndex, bytes[index] == UInt8(ascii: " ") { index = bytes.index(after: index) }
                guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "}") else { return nil }
                defaultValue = value
            }
            remainder = text[bytes.index(after: index)...]
        }

        /// The text without leading and trailing spaces (not other white space), as variable keys are trimmed.
        private static func trimmingSpaces(_ text: Substring) -> String {
            let bytes = text.utf8
            var start = bytes.startIndex
            var end = bytes.endIndex
            while start < end, bytes[start] == UInt8(ascii: " ") { start = bytes.index(after: start) }
            while end > start, bytes[bytes.index(before: end)] == UInt8(ascii: " ") { end = bytes.index(before: end) }
            return String(text[start..<end])
        }
    }
}
