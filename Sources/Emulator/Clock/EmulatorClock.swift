import Foundation
import NIOConcurrencyHelpers

/// The emulator's one clock: wall time plus an offset that tests can advance.
///
/// Every lifecycle and expiry (temporary credentials, presigned URLs) reads it, so a test can compress a 30-minute
/// deployment into milliseconds or step time by hand. Only the freshness of a signature (the 15-minute skew window)
/// is judged against ``wallTime()``, because clients sign with their real clocks.
public final class EmulatorClock: Sendable {
    private let offset = NIOLockedValueBox<TimeInterval>(0)

    /// Creates a clock that reads wall time.
    public init() {}

    /// The current time on this clock.
    public func now() -> Date {
        Date().addingTimeInterval(offset.withLockedValue { $0 })
    }

    /// The machine's real time, without the offset.
    public func wallTime() -> Date {
        Date()
    }

    /// Moves the clock forward.
    /// - Parameter seconds: How far; negative values are ignored (the clock never runs backwards).
    public func advance(by seconds: TimeInterval) {
        guard seconds > 0 else { return }
        offset.withLockedValue { $0 += seconds }
    }

    /// How far the clock is ahead of wall time.
    public var offsetSeconds: TimeInterval { offset.withLockedValue { $0 } }
}
