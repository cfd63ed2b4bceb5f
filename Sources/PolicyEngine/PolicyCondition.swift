/// One condition: an operator applied to a context key and a list of values.
public struct PolicyCondition: Sendable, Equatable {
    /// How a multi-valued context key is compared.
    public enum SetQualifier: String, Sendable, Equatable {
        case forAnyValue = "ForAnyValue"
        case forAllValues = "ForAllValues"
    }

    /// The operator as written (`ForAnyValue:StringLikeIfExists`).
    public var operatorName: String
    /// The base operator (`StringLike`).
    public var baseOperator: String
    /// Whether `...IfExists` was given.
    public var ifExists: Bool
    /// The set qualifier, if any.
    public var setQualifier: SetQualifier?
    /// The context key (`sts:ExternalId`).
    public var key: String
    /// The values, as strings (booleans and numbers in their JSON text).
    public var values: [String]

    /// The operators of the policy language (without `IfExists` and set qualifiers).
    public static let baseOperators: Set<String> = [
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike",
        "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
        "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan",
        "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress",
        "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
    ]

    /// Parses an operator name into its parts, or `nil` when it is not an operator of the language.
    public static func parseOperator(_ name: String) -> (base: String, ifExists: Bool, qualifier: SetQualifier?)? {
        var rest = Substring(name)
        var qualifier: SetQualifier?
        if let colon = rest.firstIndex(of: ":") {
            guard let parsed = SetQualifier(rawValue: String(rest[..<colon])) else { return nil }
            qualifier = parsed
            rest = rest[rest.index(after: colon)...]
        }
        var ifExists = false
        if rest.hasSuffix("IfExists") {
            ifExists = true
            rest = rest.dropLast("IfExists".count)
        }
        let base = String(rest)
        guard baseOperators.contains(base), !(ifExists && base == "Null") else { return nil }
        return (base, ifExists, qualifier)
    }
}
