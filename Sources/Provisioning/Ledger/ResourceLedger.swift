import Foundation
import Synchronization

/// Every resource a scenario created, with how to delete it; teardown runs the deletions in reverse order of creation
/// and goes on past failures, so one stuck resource does not keep the others alive.
public final class ResourceLedger: Sendable {
    /// One created resource.
    public struct Entry: Sendable {
        /// What it is.
        public var kind: ResourceKind
        /// The name the steps used.
        public var logicalName: String
        /// Its physical name or id.
        public var physicalName: String
        /// How a person deletes it by hand (`aws s3 rb s3://... --force`), for `--keep`.
        public var cleanup: CleanupCommand
        let delete: @Sendable () async throws -> Void
    }

    /// A deletion that failed.
    public struct Failure: Sendable, CustomStringConvertible {
        public var entry: String
        public var error: String
        public var description: String { "\(entry): \(error)" }
    }

    private let state = Mutex<[Entry]>([])

    public init() {}

    /// Records a resource that now exists.
    public func record(
        _ kind: ResourceKind, logical: String, physical: String, cleanup: CleanupCommand,
        delete: @escaping @Sendable () async throws -> Void
    ) {
        state.withLock {
            $0.append(Entry(kind: kind, logicalName: logical, physicalName: physical, cleanup: cleanup, delete: delete))
        }
    }

    /// The resources recorded and not yet torn down, oldest first.
    public var entries: [Entry] { state.withLock { $0 } }

    /// Deletes everything, newest first; returns what could not be deleted. Entries are taken out first, so a second
    /// teardown (Ctrl-C during the After hook) does not delete twice.
    @discardableResult
    public func teardown() async -> [Failure] {
        let entries = state.withLock { entries in
            defer { entries.removeAll() }
            return entries
        }
        var failures: [Failure] = []
        for entry in entries.reversed() {
            do {
                try await entry.delete()
            } catch {
                failures.append(
                    Failure(entry: "\(entry.kind.rawValue) \(entry.physicalName)", error: String(describing: error)))
            }
        }
        return failures
    }

    /// Forgets everything without deleting (`--keep`); returns what was kept.
    public func release() -> [Entry] {
        state.withLock { entries in
            defer { entries.removeAll() }
            return entries
        }
    }
}
