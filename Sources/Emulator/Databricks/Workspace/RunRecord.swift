import Foundation

/// A job run and its lifecycle PENDING -> RUNNING -> TERMINATED (SUCCESS, FAILED or CANCELED) on the clock.
struct RunRecord: Sendable, Codable {
    var document: JSONObject
    var runningAt: Date
    var endsAt: Date
    /// How the run ends when it gets there.
    var outcome: RunOutcome
    /// The task runs' ids (a multi-task run's output is read per task).
    var taskRunIds: [Int64] = []
    /// The parent run of a task run.
    var parentRunId: Int64?

    var id: Int64 { document["run_id"]?.int ?? 0 }
    var lifeCycle: String { document["state"]?["life_cycle_state"]?.string ?? "" }
}

/// What running a task produces: the result state, the notebook's exit value, or the error it raised.
struct RunOutcome: Sendable, Codable {
    var resultState: String
    var message: String
    var exitValue: String?
    var error: String?

    static let success = RunOutcome(resultState: "SUCCESS", message: "")

    /// Reads what a notebook or script would do, from its source: `dbutils.notebook.exit("value")` sets the
    /// result, a top-level `raise ...` or `sys.exit(n)` with `n != 0` fails the run with that error.
    static func of(source: String) -> RunOutcome {
        var outcome = RunOutcome.success
        for rawLine in source.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("raise ") || line.hasPrefix("throw ") {
                let error = String(line.dropFirst(6)).trimmingCharacters(in: .whitespaces)
                return RunOutcome(
                    resultState: "FAILED", message: "Workload failed, see run output for details", error: error)
            }
            if line.hasPrefix("sys.exit("), let code = Int(line.dropFirst(9).prefix { $0.isNumber }), code != 0 {
                return RunOutcome(
                    resultState: "FAILED", message: "Workload failed, see run output for details",
                    error: "SystemExit: \(code)")
            }
            if line.hasPrefix("dbutils.notebook.exit("), let open = line.firstIndex(of: "(") {
                var value = line[line.index(after: open)...].dropLast(line.hasSuffix(")") ? 1 : 0)
                if value.hasPrefix("\"") || value.hasPrefix("'") { value = value.dropFirst().dropLast() }
                outcome.exitValue = String(value)
                return outcome
            }
        }
        return outcome
    }
}
