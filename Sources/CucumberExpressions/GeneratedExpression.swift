/// A Cucumber Expression suggested for a step text that no step definition matches, with the parameter types of
/// its parameters: what a snippet for an undefined step is made from.
public struct GeneratedExpression: Sendable {
    /// The parameter types, in the order their parameters appear.
    public let parameterTypes: [ParameterType]
    /// The escaped literal text around the parameters: one more element than ``parameterTypes``.
    let literals: [String]

    init(literals: [String], parameterTypes: [ParameterType]) {
        precondition(literals.count == parameterTypes.count + 1, "a literal either side of each parameter")
        self.literals = literals
        self.parameterTypes = parameterTypes
    }

    /// The expression, such as `I have {int} cukes in my {string}`.
    public var source: String {
        var source = literals[0]
        for (parameterType, literal) in zip(parameterTypes, literals.dropFirst()) {
            source += "{" + parameterType.name + "}" + literal
        }
        return source
    }

    /// Names for the parameters of a step definition's function: each type's name, numbered from the second use
    /// of the same type on (`string`, `string2`, `int`).
    public var parameterNames: [String] {
        var uses: [String: Int] = [:]
        return parameterTypes.map { parameterType in
            let count = uses[parameterType.name, default: 0] + 1
            uses[parameterType.name] = count
            return count == 1 ? parameterType.name : parameterType.name + String(count)
        }
    }
}
