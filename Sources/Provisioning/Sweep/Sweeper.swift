import CloudClients
import Foundation

/// Finds and deletes what runs left behind (a crashed run, a Ctrl-C during teardown, `--keep`): every S3 bucket,
/// IAM role and instance profile, and Kinesis stream whose `brickyard:run-id` tag names a run older than the cut-off,
/// and the Databricks account objects named with Brickyard's prefix that were created before it.
public struct Sweeper: Sendable {
    /// One leftover resource.
    public struct Leftover: Sendable, Hashable, CustomStringConvertible {
        public var kind: ResourceKind
        public var name: String
        /// The run that made it, when its tag says.
        public var runId: String?
        public var description: String { "\(kind.rawValue) \(name)" + (runId.map { " (run \($0))" } ?? "") }
    }

    /// What a sweep did.
    public struct Report: Sendable {
        /// Deleted (or, in a dry run, to be deleted), in the order handled.
        public var swept: [Leftover] = []
        /// What could not be deleted, with why.
        public var failures: [(Leftover, String)] = []
        /// Brickyard's resources left alone because their run is younger than the cut-off.
        public var younger = 0
    }

    /// The session to sweep.
    public var session: CloudSession
    /// Only resources of runs that started before this.
    public var cutoff: Date
    /// Only this run's resources.
    public var runId: String?
    /// List, do not delete.
    public var dryRun: Bool

    /// - Parameter olderThan: only runs that started this many seconds ago or earlier; `nil` takes every run's
    ///   resources, whatever their age (an emulator's, whose virtual clock may be ahead of the wall clock).
    public init(session: CloudSession, olderThan: TimeInterval?, runId: String? = nil, dryRun: Bool = false) {
        self.session = session
        self.cutoff = olderThan.map { Date().addingTimeInterval(-$0) } ?? .distantFuture
        self.runId = runId
        self.dryRun = dryRun
    }

    /// Sweeps Databricks objects first (a workspace holds its configurations), then streams, instance profiles,
    /// roles and buckets.
    public func sweep() async -> Report {
        var report = Report()
        await sweepDatabricks(&report)
        await sweepStreams(&report)
        await sweepInstanceProfiles(&report)
        await sweepRoles(&report)
        await sweepBuckets(&report)
        return report
    }

    /// Whether a resource tagged with this run id is to be swept.
    func selects(runTag: String?, _ report: inout Report) -> Bool {
        guard let runTag, let run = RunIdentifier(runTag) else { return false }
        if let runId { return runTag == runId }
        if run.date < cutoff { return true }
        report.younger += 1
        return false
    }

    /// Whether a Databricks object with this name and creation time is to be swept.
    func selects(name: String, created: Date?, _ report: inout Report) -> Bool {
        guard name.hasPrefix(ResourceNames.prefix) else { return false }
        if let runId, let run = RunIdentifier(runId) { return name.contains("-\(run.short)-") }
        if cutoff == .distantFuture { return true }
        if let created, created < cutoff { return true }
        report.younger += 1
        return false
    }

    func handle(_ leftover: Leftover, _ report: inout Report, delete: () async throws -> Void) async {
        if !dryRun {
            do {
                try await delete()
            } catch {
                report.failures.append((leftover, String(describing: error)))
                return
            }
        }
        report.swept.append(leftover)
    }
}
