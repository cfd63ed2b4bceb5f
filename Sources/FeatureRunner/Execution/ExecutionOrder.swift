/// The order test cases run in: as the files define them, the reverse, or shuffled by a seed (printed, so that an
/// order that showed a dependency between scenarios can be run again).
public enum ExecutionOrder: Sendable, Equatable, CustomStringConvertible {
    case defined
    /// The last test case first.
    case reverse
    case random(seed: UInt64)

    /// Parses `defined`, `reverse`, `random` (a new seed) or `random:SEED`, as Cucumber's `--order` takes them.
    public init?(_ text: String) {
        switch text {
        case "defined": self = .defined
        case "reverse": self = .reverse
        case "random": self = .random(seed: UInt64.random(in: 0...UInt64(UInt32.max)))
        default:
            guard text.hasPrefix("random:"), let seed = UInt64(text.dropFirst("random:".count)) else { return nil }
            self = .random(seed: seed)
        }
    }

    /// `defined`, `reverse` or `random:SEED`: what `--order` takes to run in this order again.
    public var description: String {
        switch self {
        case .defined: "defined"
        case .reverse: "reverse"
        case .random(let seed): "random:\(seed)"
        }
    }

    /// The indexes in this order: the same seed always gives the same order of the same indexes.
    public func arrange(_ indexes: [Int]) -> [Int] {
        switch self {
        case .defined: return indexes
        case .reverse: return indexes.reversed()
        case .random(let seed):
            var generator = SplitMix64(seed: seed)
            return indexes.shuffled(using: &generator)
        }
    }
}

/// SplitMix64: a small, fast generator whose sequence depends only on its seed (the standard library's shuffles
/// with the system generator are not repeatable).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
