/// One condition of a statement: an operator applied to one context key and its values.
///
/// A `Condition` element such as
/// ```json
/// "Condition": {"StringEquals": {"sts:ExternalId": "0d26daa6", "aws:PrincipalAccount": "414351767826"}}
/// ```
/// becomes two conditions, one per key; all conditions of a statement must hold.
public struct PolicyCondition: Sendable, Equatable {
    /// The operator (`StringEquals`, `ForAnyValue:StringLike`, `NumericLessThanIfExists`, ...).
    public var `operator`: ConditionOperator
    /// The context key as written (`sts:ExternalId`); AWS compares keys case-insensitively.
    public var key: String
    /// The values, as text: booleans and numbers keep the form the document wrote (`true`, `1.2`).
    public var values: [String]

    /// Creates a condition.
    public init(operator: ConditionOperator, key: String, values: [String]) {
        self.operator = `operator`
        self.key = key
        self.values = values
    }
}
