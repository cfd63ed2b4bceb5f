/// AWS wildcard matching: `*` matches any run of characters (`:` and `/` included), `?` any one character.
public struct WildcardPattern: Sendable, Equatable {
    /// The pattern text.
    public let pattern: String
    /// Whether letters compare case-insensitively (actions do; ARNs do not).
    public let caseInsensitive: Bool
    private let scalars: [Unicode.Scalar]

    /// Creates a pattern.
    public init(_ pattern: String, caseInsensitive: Bool = false) {
        self.pattern = pattern
        self.caseInsensitive = caseInsensitive
        scalars = Array((caseInsensitive ? pattern.lowercased() : pattern).unicodeScalars)
    }

    /// Whether a value matches the whole pattern.
    public func matches(_ value: String) -> Bool {
        let text = Array((caseInsensitive ? value.lowercased() : value).unicodeScalars)
        var p = 0
        var t = 0
        var starP = -1
        var starT = 0
        while t < text.count {
            if p < scalars.count && (scalars[p] == "?" || scalars[p] == text[t]) {
                p += 1
                t += 1
            } else if p < scalars.count && scalars[p] == "*" {
                starP = p
                starT = t
                p += 1
            } else if starP >= 0 {
                p = starP + 1
                starT += 1
                t = starT
            } else {
                return false
            }
        }
        while p < scalars.count && scalars[p] == "*" { p += 1 }
        return p == scalars.count
    }
}
