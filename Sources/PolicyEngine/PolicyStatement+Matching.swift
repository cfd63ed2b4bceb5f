// MARK: - Matching

extension PolicyStatement {
    /// Whether the statement's `Action` or `NotAction` element covers an action.
    ///
    /// Actions compare case-insensitively, with `*` and `?` wildcards (`s3:get*` covers `s3:GetObject`).
    /// - Parameter action: The action of the request, `service:Operation`.
    /// - Returns: `true` when `Action` lists a matching pattern, or `NotAction` lists none; `false` for a statement
    ///   with neither.
    public func covers(action: String) -> Bool {
        if let patterns = self.action {
            return patterns.contains { WildcardPattern.matches(pattern: $0, action, caseInsensitive: true) }
        }
        if let patterns = notAction {
            return !patterns.contains { WildcardPattern.matches(pattern: $0, action, caseInsensitive: true) }
        }
        return false
    }

    /// Whether the statement's `Resource` or `NotResource` element covers a resource.
    ///
    /// ARNs compare case-sensitively with `*` and `?` wildcards, which may span `:` and `/`.
    /// - Parameters:
    ///   - resource: The ARN of the resource the request acts on.
    ///   - variables: The request context for policy variables (`${aws:username}`), or `nil` for a document whose
    ///     version has none (see ``PolicyDocument/supportsPolicyVariables``). A pattern whose variable has no value
    ///     matches nothing.
    /// - Returns: `true` when `Resource` lists a matching pattern, or `NotResource` lists none, or the statement has
    ///   neither (a trust policy, which applies to the role it belongs to).
    public func covers(resource: String, variables: ((String) -> String?)? = nil) -> Bool {
        func matches(_ pattern: String) -> Bool {
            guard let variables, PolicyVariables.containsVariables(pattern) else {
                return WildcardPattern.matches(pattern: pattern, resource)
            }
            // The text before the first variable or wildcard must begin the resource: most statements of a policy
            // are ruled out here, before any substitution.
            guard Self.literalPrefixMatches(pattern, resource) else { return false }
            // Substituted values match only themselves; without `*` or `?` in them the text can be matched as is.
            guard let segments = PolicyVariables.segments(pattern, lookup: variables) else { return false }
            let literalWildcards = segments.contains { segment in
                if case .literal(let text) = segment { return text.contains { $0 == "*" || $0 == "?" } }
                return false
            }
            if !literalWildcards {
                let text = segments.map { segment in
                    switch segment {
                    case .pattern(let text), .literal(let text): text
                    }
                }.joined()
                return WildcardPattern.matches(pattern: text, resource)
            }
            return WildcardPattern(pattern, variables: variables)?.matches(resource) ?? false
        }
        if let patterns = self.resource { return patterns.contains(where: matches) }
        if let patterns = notResource { return !patterns.contains(where: matches) }
        return true
    }

    /// Whether the resource begins with the pattern's text up to its first `$`, `*` or `?`.
    static func literalPrefixMatches(_ pattern: String, _ resource: String) -> Bool {
        var resourceBytes = resource.utf8.makeIterator()
        for byte in pattern.utf8 {
            if byte == UInt8(ascii: "$") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") { return true }
            guard resourceBytes.next() == byte else { return false }
        }
        return true
    }
}
