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
        value.withLock { count in
            count += 1
            return count
        }
    }
}
