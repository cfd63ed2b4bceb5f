import Foundation
import Testing

@testable import Provisioning

@Suite("Naming")
struct NamingTests {
    let run = RunIdentifier(date: Date(timeIntervalSince1970: 1_795_000_000))

    @Test("run ids carry their start time and parse back")
    func runIdentifier() throws {
        let parsed = try #require(RunIdentifier(run.value))
        #expect(parsed.date == Date(timeIntervalSince1970: 1_795_000_000))
        #expect(RunIdentifier("not-a-run") == nil)
        #expect(RunIdentifier("20261123-140512-zzzz") == nil)
        #expect(run.short.count == 10)
    }

    @Test("physical names are unique per scenario and attempt, and follow each service's rules")
    func physicalNames() {
        let first = ResourceNames(run: run, scenario: "a.feature:3:0:1", attempt: 0)
        let retry = ResourceNames(run: run, scenario: "a.feature:3:0:1", attempt: 1)
        let other = ResourceNames(run: run, scenario: "a.feature:9:1:2", attempt: 0)
        let names = [first, retry, other].map { $0.physical("Root Bucket", .bucket) }
        #expect(Set(names).count == 3)
        for name in names {
            #expect(name.hasPrefix("by-root-bucket-"))
            #expect(name == name.lowercased())
            #expect(name.count <= 63)
        }
        let long = first.physical(String(repeating: "x", count: 200), .role)
        #expect(long.count == 64)
        #expect(first.physical("分析", .role).hasPrefix("by-"))
        #expect(first.physical("Data_Access", .role).hasPrefix("by-Data-Access-"))
        #expect(first.tags["brickyard:run-id"] == run.value)
    }
}

@Suite("ResourceLedger")
struct LedgerTests {
    @Test("teardown deletes newest first and goes on past failures")
    func reverseOrder() async {
        let ledger = ResourceLedger()
        let order = OrderLog()
        for name in ["bucket", "role", "profile"] {
            ledger.record(.bucket, logical: name, physical: name, cleanup: .nothing("a test")) {
                order.append(name)
                if name == "role" { throw StepFailureStub() }
            }
        }
        let failures = await ledger.teardown()
        #expect(order.values == ["profile", "role", "bucket"])
        #expect(failures.count == 1)
        #expect(failures.first?.entry.contains("role") == true)
        #expect(await ledger.teardown().isEmpty)
        #expect(order.values.count == 3)
    }

    @Test("release keeps the resources and forgets them")
    func release() async {
        let ledger = ResourceLedger()
        ledger.record(
            .stream, logical: "s", physical: "by-s", cleanup: .aws("kinesis", "delete-stream", "--stream-name", "by-s")
        ) {
            Issue.record("a released resource must not be deleted")
        }
        #expect(ledger.release().map(\.physicalName) == ["by-s"])
        #expect(await ledger.teardown().isEmpty)
    }
}

struct StepFailureStub: Error {}

final class OrderLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ item: String) { lock.withLock { items.append(item) } }
    var values: [String] { lock.withLock { items } }
}
