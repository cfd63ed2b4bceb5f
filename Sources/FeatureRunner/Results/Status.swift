/// The outcome of a step, a hook or a test case, as Cucumber Messages name them.
///
/// Cases are ordered from best to worst; a test case's status is the worst of its steps'.
public enum Status: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    case unknown = "UNKNOWN"
    case passed = "PASSED"
    case skipped = "SKIPPED"
    case pending = "PENDING"
    case undefined = "UNDEFINED"
    case ambiguous = "AMBIGUOUS"
    case failed = "FAILED"

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }

    /// Whether this status fails a run: failed, ambiguous, undefined or pending (skipped does not).
    public var failsRun: Bool { self >= .pending }

    /// The status in lower case, as Cucumber JSON and the console print it.
    public var name: String { rawValue.lowercased() }
}

extension Dictionary where Key == Status, Value == Int {
    /// The counts keyed by the statuses' lower-case names (`passed`, `failed`), as reports write them.
    public var byName: [String: Int] { Dictionary<String, Int>(uniqueKeysWithValues: map { ($0.key.name, $0.value) }) }
}
