import Foundation

/// Makes a ``CucumberExpression`` or a ``RegularExpression`` from a step definition's expression text, the way
/// the reference implementation decides in languages without regular expression literals.
///
/// Text that starts with `^` or ends with `$` is a regular expression, as is text between two `/`s (without
/// them); anything else is a Cucumber Expression.
public struct ExpressionFactory: Sendable {
    /// The parameter types the expressions use.
    public let registry: ParameterTypeRegistry

    /// A factory for expressions using `registry`'s parameter types.
    public init(registry: ParameterTypeRegistry = ParameterTypeRegistry()) {
        self.registry = registry
    }

    /// The expression `source` stands for.
    ///
    /// - Throws: ``CucumberExpressionError`` when the expression is not valid.
    public func createExpression(_ source: String) throws(CucumberExpressionError) -> any StepExpression {
        if source.hasPrefix("^") || source.hasSuffix("$") {
            do {
                return try RegularExpression(source, registry: registry)
            } catch {
                if error.kind == .invalidRegularExpression && Self.looksLikeCucumberExpression(source) {
                    throw CucumberExpressionError(
                        .invalidRegularExpression,
                        message: "You cannot use anchors (^ or $) in Cucumber Expressions. Please remove them from "
                            + source)
                }
                throw error
            }
        }
        if source.count >= 2 && source.hasPrefix("/") && source.hasSuffix("/") {
            return try RegularExpression(String(source.dropFirst().dropLast()), registry: registry)
        }
        return try CucumberExpression(source, registry: registry)
    }

    /// Whether `source` has a `{parameter}`, so that an anchor was likely added to a Cucumber Expression.
    private static func looksLikeCucumberExpression(_ source: String) -> Bool {
        source.range(of: #"\{[^}]*\}"#, options: .regularExpression) != nil
    }
}
