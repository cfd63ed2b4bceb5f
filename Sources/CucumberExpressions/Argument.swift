/// A parameter of a step expression, as a step's text matched it: the matched text (``group``), its
/// ``parameterType`` and the transformed ``value``.
///
/// The parameter type's transform runs once, when ``StepExpression/match(_:)`` builds the argument; if it throws, the
/// match still succeeds and reading ``value`` rethrows that error (as the reference implementation reports a
/// transform's failure when the step runs, not when it is matched).
public struct Argument: Sendable {
    /// What the parameter's capture group matched.
    public let group: Group
    /// The parameter's type.
    public let parameterType: ParameterType
    private let transformed: Result<(any Sendable)?, any Error>

    /// Creates an argument, running `parameterType`'s transform on `group`'s values.
    public init(group: Group, parameterType: ParameterType) {
        self.group = group
        self.parameterType = parameterType
        let input = parameterType.transformsWholeGroup ? [group.value] : group.values
        transformed = Result { try parameterType.transform(input) }
    }

    /// The transformed value: an `Int` for `{int}`, a `String` for `{string}`, whatever a custom type's transform
    /// returns; `nil` when the group did not take part in the match (or the transform returned `nil`).
    ///
    /// - Throws: The error the parameter type's transform threw.
    public var value: (any Sendable)? {
        get throws { try transformed.get() }
    }

    /// The transformed value as a `T`; `nil` when it is `nil` or not a `T`.
    ///
    /// - Throws: The error the parameter type's transform threw.
    public func value<T>(as type: T.Type) throws -> T? {
        try value as? T
    }

    /// One argument for each of `group`'s children, the capture group of each of `parameterTypes`.
    ///
    /// - Throws: ``CucumberExpressionError`` (``CucumberExpressionError/Kind/captureGroupMismatch``) when there are
    ///   not as many capture groups as parameter types.
    static func build(
        _ group: Group, _ parameterTypes: [ParameterType]
    ) throws(CucumberExpressionError) -> [Argument] {
        let groups = group.children
        guard groups.count == parameterTypes.count else {
            let values = groups.map { $0.value ?? "nil" }.joined(separator: ", ")
            let names = parameterTypes.map(\.name).joined(separator: ", ")
            throw CucumberExpressionError(
                .captureGroupMismatch,
                message: "Group has \(groups.count) capture groups (\(values)), but there were "
                    + "\(parameterTypes.count) parameter types (\(names))")
        }
        return zip(groups, parameterTypes).map { Argument(group: $0, parameterType: $1) }
    }
}
