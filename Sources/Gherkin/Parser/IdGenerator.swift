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
        var value = nextValue
        nextValue += 1
        // Written into a small buffer (an id fits in a small string): this is done for every node and pickle.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var index = 20
            repeat {
                index -= 1
                buffer[index] = UInt8(truncatingIfNeeded: 48 + value % 10)
                value /= 10
            } while value > 0
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[index..<20]), as: UTF8.self)
        }
    }
}
