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
            return patterns.contains { WildcardPattern(action: $0).matches(action) }
        }
        if let patterns = notAction {
            return !patterns.contains { WildcardPattern(action: $0).matches(action) }
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
            guard let variables else { return WildcardPattern(pattern).matches(resource) }
            return WildcardPattern(pattern, variables: variables)?.matches(resource) ?? false
        }
        if let patterns = self.resource { return patterns.contains(where: matches) }
        if let patterns = notResource { return !patterns.contains(where: matches) }
        return true
    }
}
