/// An expression a step definition is written with, which step texts are matched against: a
/// ``CucumberExpression`` or a ``RegularExpression``.
public protocol StepExpression: Sendable {
    /// The expression as written.
    var source: String { get }

    /// The arguments of `text` when the expression matches it, else `nil`.
    ///
    /// A match has one ``Argument`` for each parameter (or capture group), in order; an expression without
    /// parameters matches with an empty list.
    func match(_ text: String) throws -> [Argument]?
}
