/// Why a run could not start: a path that is not there, a `path:line` that selects nothing, a bad tag expression,
/// name pattern or shard. The run exits 2.
public struct SelectionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
