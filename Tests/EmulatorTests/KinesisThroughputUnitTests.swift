import Foundation
import Testing

@testable import Emulator

/// The per-shard windows on their own, with fixed times.
@Suite struct KinesisThroughputUnitTests {
    @Test func writesAreLimitedByRecordsAndBytesPerSecond() {
        let limits = KinesisThroughput(isEnforcing: true)
        let now = Date(timeIntervalSince1970: 1_000)
        #expect((0..<1_000).allSatisfy { _ in limits.admitWrite(shard: "s", bytes: 1, now: now) })
        #expect(!limits.admitWrite(shard: "s", bytes: 1, now: now))
        #expect(limits.admitWrite(shard: "other", bytes: 1, now: now))
        #expect(limits.admitWrite(shard: "s", bytes: 1, now: now.addingTimeInterval(1)))
        #expect(!limits.admitWrite(shard: "big", bytes: 1_048_577, now: now))
    }

    @Test func readsAreLimitedToFiveCallsASecond() {
        let limits = KinesisThroughput(isEnforcing: true)
        let now = Date(timeIntervalSince1970: 2_000.5)
        #expect((0..<5).allSatisfy { _ in limits.admitRead(shard: "s", now: now) })
        #expect(!limits.admitRead(shard: "s", now: now))
        #expect(KinesisThroughput(isEnforcing: false).admitWrite(shard: "s", bytes: 10_000_000, now: now))
    }
}
