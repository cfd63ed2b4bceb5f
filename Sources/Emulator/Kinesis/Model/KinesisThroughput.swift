import Foundation
import NIOConcurrencyHelpers

/// The per-shard throughput limits of provisioned streams, in one-second windows of the emulator's clock: writes up
/// to 1 MiB or 1,000 records a second, reads up to 5 calls or 2 MiB a second. Off unless configured.
final class KinesisThroughput: Sendable {
    static let writeBytes = 1_048_576
    static let writeRecords = 1_000
    static let readCalls = 5
    static let readBytes = 2 * 1_048_576

    private struct Window {
        var second: Int64
        var bytes = 0
        var count = 0
    }

    let isEnforcing: Bool
    private let writes = NIOLockedValueBox<[String: Window]>([:])
    private let reads = NIOLockedValueBox<[String: Window]>([:])

    init(isEnforcing: Bool) {
        self.isEnforcing = isEnforcing
    }

    /// Whether a shard may take a record of a size now (and counts it when it may).
    func admitWrite(shard: String, bytes: Int, now: Date) -> Bool {
        guard isEnforcing else { return true }
        return Self.admit(
            writes, shard, bytes: bytes, count: 1, now: now, maxBytes: Self.writeBytes, maxCount: Self.writeRecords)
    }

    /// Whether a shard may serve a GetRecords call now (counted), and the bytes it may still return this second.
    func admitRead(shard: String, now: Date) -> Bool {
        guard isEnforcing else { return true }
        return Self.admit(
            reads, shard, bytes: 0, count: 1, now: now, maxBytes: Self.readBytes, maxCount: Self.readCalls)
    }

    /// Counts bytes read from a shard.
    func countRead(shard: String, bytes: Int, now: Date) {
        guard isEnforcing else { return }
        reads.withLockedValue { windows in windows[shard, default: Window(second: Self.second(now))].bytes += bytes }
    }

    private static func second(_ now: Date) -> Int64 { Int64(now.timeIntervalSince1970.rounded(.down)) }

    private static func admit(
        _ box: NIOLockedValueBox<[String: Window]>, _ shard: String, bytes: Int, count: Int, now: Date, maxBytes: Int,
        maxCount: Int
    ) -> Bool {
        box.withLockedValue { windows in
            let second = Self.second(now)
            var window = windows[shard].flatMap { $0.second == second ? $0 : nil } ?? Window(second: second)
            guard window.bytes + bytes <= maxBytes, window.count + count <= maxCount else { return false }
            window.bytes += bytes
            window.count += count
            windows[shard] = window
            return true
        }
    }
}
