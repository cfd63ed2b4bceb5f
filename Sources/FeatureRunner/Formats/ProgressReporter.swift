import Foundation
import Gherkin
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `progress`, the console's format: on a terminal, a live status line (counts, the scenarios running) with failures
/// printed as they happen; otherwise one plain line per finished scenario. Either way, the summary at the end.
public final class ProgressReporter: RunListener {
    private struct State {
        var total = 0
        var finished = 0
        var counts: [Status: Int] = [:]
        var running: [String: String] = [:]
        var failures = 0
        var statusLineShown = false
    }

    private let output: FileHandle
    private let interactive: Bool
    private let secrets: SecretValues?
    private let commands: ConsoleCommands
    private let state = Mutex(State())

    /// - Parameters:
    ///   - output: where to write (standard output for the console).
    ///   - interactive: live status line; `nil` decides by whether `output` is a terminal.
    ///   - secrets: values masked in everything written.
    ///   - commands: the replay and steps commands offered in failures and the summary.
    public init(
        output: FileHandle = .standardOutput, interactive: Bool? = nil, secrets: SecretValues? = nil,
        commands: ConsoleCommands = .init()
    ) {
        self.secrets = secrets
        self.commands = commands
        self.output = output
        self.interactive = interactive ?? (isatty(output.fileDescriptor) == 1)
    }

    private func write(_ text: String) {
        output.write(Data((secrets?.mask(text) ?? text).utf8))
    }

    /// Writes lines above the status line (which is drawn again after them).
    private func emit(_ text: String, state: inout State) {
        var out = ""
        if interactive && state.statusLineShown { out += "\r\u{1B}[2K" }
        out += text
        if !text.hasSuffix("\n") { out += "\n" }
        if interactive { out += statusLine(state) }
        state.statusLineShown = interactive
        write(out)
    }

    private func statusLine(_ state: State) -> String {
        let passed = state.counts[.passed, default: 0]
        let failed = state.counts.filter { $0.key.failsRun }.values.reduce(0, +)
        let skipped = state.counts[.skipped, default: 0]
        var line = "[\(state.finished)/\(state.total)] ✔ \(passed) ✘ \(failed) - \(skipped)"
        if let current = state.running.values.sorted().first {
            let more = state.running.count > 1 ? " (+\(state.running.count - 1))" : ""
            line += " · \(current)\(more)"
        }
        let width = 110
        if line.count > width { line = String(line.prefix(width - 1)) + "…" }
        return line
    }

    public func runStarted(testCases: Int, sources: [FeatureSource]) {
        state.withLock { state in
            state.total = testCases
            let errors = ConsoleText.parseErrors(sources)
            if !errors.isEmpty {
                emit("Parse errors (nothing was run):\n\(errors)", state: &state)
            } else if interactive {
                write(statusLine(state))
                state.statusLineShown = true
            }
        }
    }

    public func testCaseStarted(_ pickle: Pickle, attempt: Int, worker: Int) {
        guard interactive else { return }
        state.withLock { state in
            state.running["\(pickle.id)"] = pickle.name
            write("\r\u{1B}[2K" + statusLine(state))
        }
    }

    public func testCaseFinished(_ pickle: Pickle, attempt: AttemptResult) {
        state.withLock { state in
            state.running["\(pickle.id)"] = nil
            let status = attempt.status
            let testCase = TestCaseResult(id: pickle.id, pickle: pickle, attempts: [attempt])
            if !attempt.willBeRetried {
                state.finished += 1
                state.counts[status, default: 0] += 1
            }
            let milliseconds = Int(attempt.duration * 1000)
            if status.failsRun {
                state.failures += 1
                emit(
                    ConsoleText.failure(testCase, attempt: attempt, number: state.failures, commands: commands),
                    state: &state)
            } else if !interactive {
                let retried = attempt.attempt > 0 ? " (attempt \(attempt.attempt + 1))" : ""
                emit(
                    "\(ConsoleText.mark(status)) \(status.name) \(ConsoleText.displayPath(testCase.locationReference)) \(pickle.name)\(retried) (\(milliseconds) ms)",
                    state: &state)
            } else {
                write("\r\u{1B}[2K" + statusLine(state))
            }
        }
    }

    public func runFinished(_ result: RunResult) {
        state.withLock { state in
            var out = ""
            if interactive && state.statusLineShown { out += "\r\u{1B}[2K" }
            state.statusLineShown = false
            out += "\n" + ConsoleText.summary(result, commands: commands) + "\n"
            write(out)
        }
    }
}
