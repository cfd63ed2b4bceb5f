/// Why a run cannot reach its target: it stops before creating anything.
public struct TargetError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Where credentials were looked for (never their values).
    public var lookedAt: [String]

    public init(_ message: String, lookedAt: [String] = []) {
        self.message = message
        self.lookedAt = lookedAt
    }

    public var description: String {
        guard !lookedAt.isEmpty else { return message }
        return message + "\nLooked at:\n" + lookedAt.map { "  - \($0)" }.joined(separator: "\n")
    }
}
