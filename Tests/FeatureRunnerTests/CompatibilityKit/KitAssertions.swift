import FeatureRunner

/// The error a kit step throws where its TypeScript throws `new Error(message)`.
struct KitError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}

/// Node's `assert`, for the kit's steps that assert: the same checks, failing with the same messages.
enum NodeAssert {
    /// `assert.strictEqual(actual, expected)`.
    static func strictEqual<T: Equatable>(_ actual: T, _ expected: T) throws {
        guard actual != expected else { return }
        throw StepFailure("Expected values to be strictly equal:\n\n\(actual) !== \(expected)\n")
    }

    /// `assert(value)` / `assert.ok(value)`.
    static func ok(_ condition: Bool) throws {
        if !condition { throw StepFailure("The expression evaluated to a falsy value") }
    }
}
