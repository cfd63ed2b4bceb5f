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

    /// The furthest the clock runs ahead of wall time: a thousand years, so every date it gives converts to
    /// milliseconds in 64 bits and is written in AWS's four-digit-year formats.
    public static let maximumOffset: TimeInterval = 1000 * 366 * 86_400

    /// Moves the clock forward.
    /// - Parameter seconds: How far; negative values and NaN are ignored (the clock never runs backwards), and the
    ///   clock stops at ``maximumOffset`` ahead of wall time.
    public func advance(by seconds: TimeInterval) {
        guard seconds > 0 else { return }
        offset.withLockedValue { $0 = min($0 + seconds, Self.maximumOffset) }
    }

    /// How far the clock is ahead of wall time.
    public var offsetSeconds: TimeInterval { offset.withLockedValue { $0 } }
}
