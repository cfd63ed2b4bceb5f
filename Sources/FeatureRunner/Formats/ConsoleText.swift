import Foundation
import Gherkin

/// The console's words for a run: failure blocks, parse errors, the closing summary. Shared by the progress output
/// and by `BrickyardTesting`'s issue messages.
public enum ConsoleText {
    static let marks: [Status: String] = [
        .passed: "✔", .failed: "✘", .skipped: "-", .pending: "P", .undefined: "U", .ambiguous: "A", .unknown: "?",
    ]

    /// `✘`, `✔`...
    public static func mark(_ status: Status) -> String { marks[status] ?? "?" }

    /// Every parse error as `path:line:column: message`; an unknown language's error lists the languages there are.
    public static func parseErrors(_ sources: [FeatureSource]) -> String {
        sources.flatMap { source in
            source.errors.map { error in
                var line = "\(source.uri):\(error.location.line):\(error.location.column ?? 0): \(error.message)"
                if case .noSuchLanguage = error.kind {
                    line += " (the languages are: \(GherkinDialectCatalog.bundled.codes.joined(separator: ", ")))"
                }
                return line
            }
        }.joined(separator: "\n")
    }

    /// What went wrong in an attempt: the scenario, and the step that did not pass with its error, its definition's
    /// location, and a snippet for an undefined step.
    public static func failure(_ testCase: TestCaseResult, attempt: AttemptResult, number: Int? = nil) -> String {
        var lines: [String] = []
        let prefix = number.map { "\($0)) " } ?? ""
        lines.append("\(prefix)\(testCase.locationReference) \(testCase.pickle.name)")
        for step in attempt.steps where step.status != .passed && step.status != .skipped || step.error != nil {
            let label = step.kind.isStep ? "\(step.keyword)\(step.text)" : "\(step.text) hook"
            let location = step.location.map { " (\(testCase.pickle.uri):\($0.line))" } ?? ""
            lines.append("   \(mark(step.status)) \(label)\(location): \(step.status.name)")
            if let error = step.error {
                for line in error.message.split(separator: "\n", omittingEmptySubsequences: false) {
                    lines.append("      \(line)")
                }
                if let definition = error.definitionLocation { lines.append("      at \(definition)") }
            }
        }
        if attempt.willBeRetried { lines.append("   (attempt \(attempt.attempt + 1) failed; retrying)") }
        return lines.joined(separator: "\n")
    }

    /// `12 scenarios (10 passed, 1 failed, 1 undefined)`.
    static func counts(_ noun: String, _ counts: [Status: Int], extra: String = "") -> String {
        let total = counts.values.reduce(0, +)
        let order: [Status] = [.failed, .ambiguous, .undefined, .pending, .skipped, .passed, .unknown]
        let parts = order.compactMap { status in counts[status].map { "\($0) \(status.name)" } }
        let detail = parts.isEmpty ? "" : " (\(parts.joined(separator: ", "))\(extra))"
        return "\(total) \(noun)\(total == 1 ? "" : "s")\(detail)"
    }

    /// The closing summary: undefined steps' snippets (each once), counts of scenarios and steps, flaky scenarios,
    /// the duration.
    public static func summary(_ result: RunResult) -> String {
        var lines: [String] = []
        if !result.runHookFailures.isEmpty {
            for hook in result.runHookFailures {
                lines.append("✘ \(hook.text) hook failed: \(hook.error?.message ?? "")")
                if let location = hook.error?.definitionLocation { lines.append("   at \(location)") }
            }
        }
        var snippets: [String] = []
        for testCase in result.testCases {
            for step in testCase.finalAttempt.steps {
                if let snippet = step.snippet, !snippets.contains(snippet) { snippets.append(snippet) }
            }
        }
        if !snippets.isEmpty {
            lines.append("")
            lines.append("Undefined steps. Implement them with these definitions:")
            lines.append("")
            lines += snippets.flatMap { [$0, ""] }
        }
        let flaky = result.testCases.filter(\.isFlaky)
        lines.append(
            counts("scenario", result.testCaseCounts, extra: flaky.isEmpty ? "" : ", \(flaky.count) flaky"))
        lines.append(counts("step", result.stepCounts))
        for testCase in flaky {
            lines.append(
                "flaky: \(testCase.locationReference) \(testCase.pickle.name) (passed on attempt \(testCase.attempts.count))"
            )
        }
        lines.append(String(format: "%.3fs%@", result.duration, result.dryRun ? " (dry run)" : ""))
        return lines.joined(separator: "\n")
    }
}
