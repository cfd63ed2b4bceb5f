/// Hands out the ids of AST nodes and pickles: `"0"`, `"1"`, ... in creation order, as the reference
/// implementations' predictable mode does, so that output is the same run after run.
public struct IdGenerator: Sendable {
    private var nextValue: Int

    /// Starts at `start` (`0` for a new run).
    public init(start: Int = 0) {
        nextValue = start
    }

    /// The next id.
    public mutating func next() -> String {
        defer { nextValue += 1 }
        return String(nextValue)
    }
}
