import FeatureRunner
import Foundation

/// Every published run of a prefix (`history.json`), newest last.
public struct RunHistory: Sendable, Codable, Hashable {
    /// One run.
    public struct Entry: Sendable, Codable, Hashable {
        /// The run's id (its folder under the prefix).
        public var runId: String
        /// When it started (ISO 8601).
        public var started: String
        /// Where it ran (`emulator`, `live`...).
        public var target: String
        /// The git commit of the features and steps, when known.
        public var commit: String?
        /// Test cases by status (`passed`, `failed`...).
        public var counts: [String: Int]
        /// Test cases in all.
        public var total: Int
        /// Passed among those that were not skipped, 0 to 1.
        public var passRate: Double
        /// Seconds.
        public var duration: Double
        /// Scenarios that passed on a retry.
        public var flaky: Int
        /// The run's report, relative to the prefix (`<run-id>/index.html`).
        public var link: String

        public init(
            runId: String, started: String, target: String, commit: String?, counts: [String: Int], total: Int,
            passRate: Double, duration: Double, flaky: Int, link: String
        ) {
            self.runId = runId
            self.started = started
            self.target = target
            self.commit = commit
            self.counts = counts
            self.total = total
            self.passRate = passRate
            self.duration = duration
            self.flaky = flaky
            self.link = link
        }

        /// The entry of a finished run.
        public init(runId: String, result: RunResult, target: String, commit: String?) {
            self.init(
                runId: runId, started: ISO8601DateFormatter().string(from: result.startedAt), target: target,
                commit: commit, counts: result.testCaseCounts.byName, total: result.testCases.count,
                passRate: result.passRate, duration: result.duration, flaky: result.flakyCount,
                link: "\(runId)/index.html")
        }

        /// Whether any scenario failed (or was undefined, pending, ambiguous).
        public var failed: Bool {
            counts.contains { ["failed", "undefined", "pending", "ambiguous"].contains($0.key) && $0.value > 0 }
        }
    }

    public var runs: [Entry]

    public init(runs: [Entry] = []) {
        self.runs = runs
    }

    /// Adds a run (replacing an earlier entry of the same id), keeping runs in order of their start.
    public mutating func add(_ entry: Entry) {
        runs.removeAll { $0.runId == entry.runId }
        runs.append(entry)
        runs.sort { $0.started < $1.started }
    }

    /// The history as `history.json` holds it.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(self)) ?? Data("{\"runs\":[]}".utf8)
    }

    /// Reads `history.json`.
    /// - Throws: When the file is not a history (it is left alone then, not overwritten).
    public static func decode(_ data: Data) throws -> RunHistory {
        try JSONDecoder().decode(RunHistory.self, from: data)
    }
}
