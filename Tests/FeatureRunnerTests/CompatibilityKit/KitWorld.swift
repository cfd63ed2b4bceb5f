import FeatureRunner
import Foundation
import Synchronization

/// The state the kit's samples keep between steps (their TypeScript keeps it on `this`).
struct KitWorld: World {
    var count = 0
    var friends = 0
    var transposed: [[String]] = []
    var money = 0
    var stock: [String] = []
    var chocolate: String?
}

/// A count kept across a sample's attempts and scenarios (the kit's `let secondTimePass = 0` beside its steps), one
/// per library built, so that every run starts from zero.
final class KitCounter: Sendable {
    private let value = Mutex(0)

    /// Adds one and returns the new count.
    func increment() -> Int {
        value.withLock {
            $0 += 1; return $0
        }
    }
}

/// The error a kit step throws where its TypeScript throws `new Error(message)`.
struct KitError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}

/// Node's `assert.strictEqual`, with its message, for the steps that assert.
func strictEqual<T: Equatable>(_ actual: T, _ expected: T) throws {
    guard actual != expected else { return }
    throw StepFailure("Expected values to be strictly equal:\n\n\(actual) !== \(expected)\n")
}

/// Node's `assert(value)` / `assert.ok(value)`.
func assertOK(_ condition: Bool) throws {
    if !condition { throw StepFailure("The expression evaluated to a falsy value") }
}
