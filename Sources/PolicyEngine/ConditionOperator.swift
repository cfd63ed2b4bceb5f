/// A condition operator as a policy writes it, with its parts: an optional set qualifier, the base operator and an
/// optional `IfExists` suffix (`ForAnyValue:StringLikeIfExists`).
public struct ConditionOperator: Sendable, Hashable, CustomStringConvertible {
    /// The operators of the policy language, without qualifier or `IfExists`.
    public enum Base: String, Sendable, Hashable, CaseIterable {
        case stringEquals = "StringEquals"
        case stringNotEquals = "StringNotEquals"
        case stringEqualsIgnoreCase = "StringEqualsIgnoreCase"
        case stringNotEqualsIgnoreCase = "StringNotEqualsIgnoreCase"
        case stringLike = "StringLike"
        case stringNotLike = "StringNotLike"
        case numericEquals = "NumericEquals"
        case numericNotEquals = "NumericNotEquals"
        case numericLessThan = "NumericLessThan"
        case numericLessThanEquals = "NumericLessThanEquals"
        case numericGreaterThan = "NumericGreaterThan"
        case numericGreaterThanEquals = "NumericGreaterThanEquals"
        case dateEquals = "DateEquals"
        case dateNotEquals = "DateNotEquals"
        case dateLessThan = "DateLessThan"
        case dateLessThanEquals = "DateLessThanEquals"
        case dateGreaterThan = "DateGreaterThan"
        case dateGreaterThanEquals = "DateGreaterThanEquals"
        case bool = "Bool"
        case binaryEquals = "BinaryEquals"
        case ipAddress = "IpAddress"
        case notIpAddress = "NotIpAddress"
        case arnEquals = "ArnEquals"
        case arnLike = "ArnLike"
        case arnNotEquals = "ArnNotEquals"
        case arnNotLike = "ArnNotLike"
        case null = "Null"

        /// The family of values the operator compares.
        public var family: Family {
            switch self {
            case .stringEquals, .stringNotEquals, .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase, .stringLike,
                .stringNotLike:
                .string
            case .numericEquals, .numericNotEquals, .numericLessThan, .numericLessThanEquals, .numericGreaterThan,
                .numericGreaterThanEquals:
                .numeric
            case .dateEquals, .dateNotEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan,
                .dateGreaterThanEquals:
                .date
            case .bool: .boolean
            case .binaryEquals: .binary
            case .ipAddress, .notIpAddress: .ipAddress
            case .arnEquals, .arnLike, .arnNotEquals, .arnNotLike: .arn
            case .null: .null
            }
        }

        /// Whether the operator is a negated one (`StringNotEquals`, `NotIpAddress`, `ArnNotLike`, ...).
        ///
        /// Negated operators matter for `ForAnyValue`/`ForAllValues` and for missing keys: a negated operator is
        /// true for a key that is absent from the request.
        public var isNegated: Bool {
            switch self {
            case .stringNotEquals, .stringNotEqualsIgnoreCase, .stringNotLike, .numericNotEquals, .dateNotEquals,
                .notIpAddress, .arnNotEquals, .arnNotLike:
                true
            default:
                false
            }
        }
    }

    /// The kinds of value condition operators compare.
    public enum Family: String, Sendable, Hashable, CaseIterable {
        case string, numeric, date, boolean, binary, ipAddress, arn, null
    }

    /// How an operator treats a multivalued context key.
    public enum SetQualifier: String, Sendable, Hashable, CaseIterable {
        /// `ForAnyValue:`: at least one value of the key satisfies the operator.
        case forAnyValue = "ForAnyValue"
        /// `ForAllValues:`: every value of the key satisfies the operator (true when the key is absent).
        case forAllValues = "ForAllValues"
    }

    /// The operator as written (`ForAnyValue:StringLikeIfExists`).
    public let name: String
    /// The base operator (`StringLike`).
    public let base: Base
    /// Whether the `IfExists` suffix was given (true when the key is absent from the request).
    public let ifExists: Bool
    /// The set qualifier, if any.
    public let setQualifier: SetQualifier?

    /// Parses an operator name.
    ///
    /// Names compare exactly, as AWS does (`stringequals` is not an operator). `Null` takes no `IfExists` suffix.
    /// - Parameter name: The operator as written in the `Condition` element.
    /// - Returns: `nil` when the name is not an operator of the policy language.
    public init?(_ name: String) {
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
        guard let base = Base(rawValue: String(rest)), !(ifExists && base == .null) else { return nil }
        self.name = name
        self.base = base
        self.ifExists = ifExists
        self.setQualifier = qualifier
    }

    public var description: String { name }
}
