extension PolicyCondition {
    /// Whether the condition holds for a request's context keys.
    ///
    /// Values of one key in one condition are OR-ed. A key the request lacks makes `...IfExists`, `ForAllValues:` and
    /// negated operators (`StringNotEquals`, `NotIpAddress`, ...) true and the others false; `Null` tests presence.
    /// Without a set qualifier a multivalued key satisfies a positive operator when any of its values does, and a
    /// negated one when none of its values matches.
    /// - Parameters:
    ///   - keys: The request's context keys.
    ///   - variables: Whether the document has policy variables (`2012-10-17`).
    ///   - missing: Collects the key when the request lacks it.
    func holds(in keys: ContextKeys, variables: Bool, missing: inout Set<String>) -> Bool {
        let requestValues = keys[key]
        let base = `operator`.base
        if base == .null {
            let absent = requestValues?.isEmpty ?? true
            return values.contains { ($0.lowercased() == "true") == absent }
        }
        guard let requestValues, !requestValues.isEmpty else {
            missing.insert(key)
            if `operator`.ifExists { return true }
            switch `operator`.setQualifier {
            case .forAllValues: return true
            case .forAnyValue: return false
            case nil: return base.isNegated
            }
        }
        let lookup: (String) -> String? = { keys.first($0) }
        // Whether one request value satisfies the operator: matches a policy value (positive), or none (negated).
        func satisfies(_ value: String) -> Bool {
            let matched = values.contains { policyValue in
                guard variables, PolicyVariables.containsVariables(policyValue) else {
                    return Self.matches(base, request: value, policy: policyValue)
                }
                guard let segments = PolicyVariables.segments(policyValue, lookup: lookup) else { return false }
                return Self.matches(base, request: value, policy: segments)
            }
            return base.isNegated ? !matched : matched
        }
        switch `operator`.setQualifier {
        case .forAnyValue: return requestValues.contains(where: satisfies)
        case .forAllValues: return requestValues.allSatisfy(satisfies)
        case nil: return base.isNegated ? requestValues.allSatisfy(satisfies) : requestValues.contains(where: satisfies)
        }
    }

    /// Whether a request value matches a policy value with substituted variables, whose values match only
    /// themselves (a `*` in a user name is not a wildcard).
    static func matches(
        _ base: ConditionOperator.Base, request: String, policy segments: [PolicyVariables.Segment]
    )
        -> Bool
    {
        let wildcards = base.family == .string || base.family == .arn
        if wildcards,
            segments.contains(where: {
                if case .literal(let text) = $0 { text.contains(where: { $0 == "*" || $0 == "?" }) } else { false }
            })
        {
            switch base {
            case .stringLike, .stringNotLike, .arnLike, .arnNotLike, .arnEquals, .arnNotEquals:
                return WildcardPattern(segments: segments).matches(request)
            default:
                break
            }
        }
        let policy = segments.map { segment in
            switch segment {
            case .pattern(let text), .literal(let text): text
            }
        }.joined()
        return matches(base, request: request, policy: policy)
    }

    /// Whether a request value matches a policy value under the positive form of an operator.
    static func matches(_ base: ConditionOperator.Base, request: String, policy: String) -> Bool {
        switch base {
        case .stringEquals, .stringNotEquals, .binaryEquals:
            return request == policy
        case .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase:
            return request.lowercased() == policy.lowercased()
        case .stringLike, .stringNotLike, .arnLike, .arnNotLike, .arnEquals, .arnNotEquals:
            return WildcardPattern.matches(pattern: policy, request)
        case .bool:
            return request.lowercased() == policy.lowercased()
        case .numericEquals, .numericNotEquals, .numericLessThan, .numericLessThanEquals, .numericGreaterThan,
            .numericGreaterThanEquals:
            guard let left = ConditionValues.number(request), let right = ConditionValues.number(policy) else {
                return false
            }
            return compare(base, left, right)
        case .dateEquals, .dateNotEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan,
            .dateGreaterThanEquals:
            guard let left = ConditionValues.date(request), let right = ConditionValues.date(policy) else {
                return false
            }
            return compare(base, left, right)
        case .ipAddress, .notIpAddress:
            return ConditionValues.ipAddress(request, isIn: policy)
        case .null:
            return false
        }
    }

    private static func compare(_ base: ConditionOperator.Base, _ left: Double, _ right: Double) -> Bool {
        switch base {
        case .numericLessThan, .dateLessThan: left < right
        case .numericLessThanEquals, .dateLessThanEquals: left <= right
        case .numericGreaterThan, .dateGreaterThan: left > right
        case .numericGreaterThanEquals, .dateGreaterThanEquals: left >= right
        default: left == right
        }
    }
}
