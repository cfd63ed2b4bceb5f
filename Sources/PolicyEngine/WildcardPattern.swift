/// AWS wildcard matching, as actions, resources and `StringLike` conditions use it: `*` matches any run of
/// characters (none included, `:` and `/` included), `?` matches exactly one character, everything else matches
/// itself.
///
/// ```swift
/// WildcardPattern(action: "s3:Get*").matches("s3:GetObject")                     // true, case-insensitive
/// WildcardPattern("arn:aws:s3:::bucket/*").matches("arn:aws:s3:::bucket/a/b:c")  // true
/// WildcardPattern("arn:aws:s3:::bucket/*").matches("arn:aws:s3:::bucket")        // false
/// ```
public struct WildcardPattern: Sendable, Hashable {
    enum Token: Sendable, Hashable {
        case character(Unicode.Scalar)
        case anyRun
        case anyOne
    }

    private let tokens: [Token]
    /// Whether letters compare case-insensitively (actions do; ARNs and most condition values do not).
    public let caseInsensitive: Bool

    /// Creates a pattern in which `*` and `?` are wildcards.
    /// - Parameters:
    ///   - pattern: The pattern text.
    ///   - caseInsensitive: Whether letters compare case-insensitively.
    public init(_ pattern: String, caseInsensitive: Bool = false) {
        self.init(segments: [.pattern(pattern)], caseInsensitive: caseInsensitive)
    }

    /// Creates a pattern for actions, which compare case-insensitively (`s3:get*` matches `s3:GetObject`).
    public init(action pattern: String) {
        self.init(pattern, caseInsensitive: true)
    }

    /// Creates a pattern from segments whose wildcards count and literal segments that match only themselves.
    ///
    /// ``PolicyVariables/segments(_:lookup:)`` produces such segments: a variable's value and `${*}` are literal.
    public init(segments: [PolicyVariables.Segment], caseInsensitive: Bool = false) {
        var tokens: [Token] = []
        for segment in segments {
            switch segment {
            case .pattern(let text):
                for scalar in (caseInsensitive ? text.lowercased() : text).unicodeScalars {
                    switch scalar {
                    case "*":
                        if tokens.last != .anyRun { tokens.append(.anyRun) }
                    case "?": tokens.append(.anyOne)
                    default: tokens.append(.character(scalar))
                    }
                }
            case .literal(let text):
                tokens += (caseInsensitive ? text.lowercased() : text).unicodeScalars.map(Token.character)
            }
        }
        self.tokens = tokens
        self.caseInsensitive = caseInsensitive
    }

    /// Creates a pattern with policy variables (`${aws:username}`) resolved from a request context.
    /// - Parameters:
    ///   - pattern: The pattern text, as a `2012-10-17` document writes it.
    ///   - caseInsensitive: Whether letters compare case-insensitively.
    ///   - variables: Looks up a context key's value (AWS compares keys case-insensitively).
    /// - Returns: `nil` when a variable has no value and no default: such a pattern matches nothing.
    public init?(_ pattern: String, caseInsensitive: Bool = false, variables: (String) -> String?) {
        guard let segments = PolicyVariables.segments(pattern, lookup: variables) else { return nil }
        self.init(segments: segments, caseInsensitive: caseInsensitive)
    }

    /// Whether the pattern has no wildcard, so that it matches exactly one value.
    public var isLiteral: Bool {
        tokens.allSatisfy { if case .character = $0 { true } else { false } }
    }

    /// Whether a value matches the whole pattern.
    public func matches(_ value: String) -> Bool {
        let text = Array((caseInsensitive ? value.lowercased() : value).unicodeScalars)
        var t = 0
        var p = 0
        // Position after the last `*` seen, and the text position that `*` currently stretches to.
        var resumePattern = -1
        var resumeText = 0
        while t < text.count {
            if p < tokens.count {
                switch tokens[p] {
                case .anyRun:
                    resumePattern = p + 1
                    resumeText = t
                    p += 1
                    continue
                case .anyOne:
                    p += 1
                    t += 1
                    continue
                case .character(let scalar) where scalar == text[t]:
                    p += 1
                    t += 1
                    continue
                case .character:
                    break
                }
            }
            guard resumePattern >= 0 else { return false }
            // Let the last `*` swallow one more character and retry from there.
            resumeText += 1
            t = resumeText
            p = resumePattern
        }
        while p < tokens.count, tokens[p] == .anyRun { p += 1 }
        return p == tokens.count
    }
}
