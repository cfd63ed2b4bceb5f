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
                var line =
                    "\(displayPath(source.uri)):\(error.location.line):\(error.location.column ?? 0): \(error.message)"
                if case .noSuchLanguage = error.kind {
                    line += " (the languages are: \(GherkinDialectCatalog.bundled.codes.joined(separator: ", ")))"
                }
                return line
            }
        }.joined(separator: "\n")
    }

    /// What went wrong in an attempt, led by the feature file's line, as compilers do
    /// (`features/s3.feature:14: failed: Then ...`): each step or hook that did not pass with its error, the nearest
    /// steps for an undefined one, and the command that replays the scenario.
    public static func failure(
        _ testCase: TestCaseResult, attempt: AttemptResult, number: Int? = nil, commands: ConsoleCommands = .init()
    ) -> String {
        var lines: [String] = []
        let prefix = number.map { "\($0)) " } ?? ""
        let uri = displayPath(testCase.pickle.uri)
        let scenarioLine = testCase.pickle.location?.line ?? 0
        let problems = attempt.steps.filter { $0.status != .passed && $0.status != .skipped || $0.error != nil }
        for (index, step) in problems.enumerated() {
            let label = step.kind.isStep ? "\(step.keyword)\(step.text)" : "\(step.text) hook"
            let line = step.location?.line ?? scenarioLine
            let lead = index == 0 ? prefix : String(repeating: " ", count: prefix.count)
            lines.append("\(lead)\(uri):\(line): \(step.status.name): \(label)")
            if index == 0 { lines.append("   in scenario \"\(testCase.pickle.name)\" (\(uri):\(scenarioLine))") }
            if let error = step.error {
                for text in error.message.split(separator: "\n", omittingEmptySubsequences: false) {
                    lines.append("      \(text)")
                }
                if let definition = error.definitionLocation, let shown = userCodeLocation(definition) {
                    lines.append("      at \(shown)")
                }
            }
            if step.status == .undefined { lines += undefinedHelp(step, commands: commands).map { "      \($0)" } }
        }
        if problems.isEmpty { lines.append("\(prefix)\(uri):\(scenarioLine): \(testCase.pickle.name)") }
        if attempt.willBeRetried {
            lines.append("   (attempt \(attempt.attempt + 1) failed; retrying)")
        } else if let replay = commands.replay(testCase) {
            lines.append("   Replay: \(replay)")
        }
        return lines.joined(separator: "\n")
    }

    /// For an undefined step: the nearest steps of the library, and where to find the others.
    static func undefinedHelp(_ step: StepResult, commands: ConsoleCommands) -> [String] {
        var lines: [String] = []
        if let suggestions = step.suggestions, !suggestions.isEmpty {
            lines.append("No step matches this text. The nearest steps:")
            lines += suggestions.map { "  \($0)" }
        } else {
            lines.append("No step matches this text.")
        }
        if let steps = commands.steps {
            let word = searchWord(step.text)
            lines.append("Every step: \(steps)\(word.map { " --matching \(ShellQuoting.quote($0))" } ?? "")")
        }
        return lines
    }

    /// The longest plain word of a step's text (outside quotes), to search the library with.
    static func searchWord(_ text: String) -> String? {
        var outside = ""
        var quoted = false
        for character in text {
            if character == "\"" {
                quoted.toggle()
            } else if !quoted {
                outside.append(character)
            }
        }
        return outside.split(separator: " ").map(String.init).filter { $0.allSatisfy(\.isLetter) }
            .max { $0.count < $1.count }
    }

    /// A step definition's location when it is the user's own code (under the current directory), relative to it;
    /// the step library's own sources are not shown.
    public static func userCodeLocation(_ location: SourceReference) -> String? {
        let file = URL(fileURLWithPath: location.file).standardizedFileURL.path
        let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path + "/"
        guard file.hasPrefix(directory) else { return nil }
        return "\(file.dropFirst(directory.count)):\(location.line)"
    }

    /// A feature file's path as a person would type it: `..` resolved, relative to the current directory when under
    /// it (`features/s3.feature`, not `Tests/FeaturesTests/../../features/s3.feature` or an absolute path).
    public static func displayPath(_ path: String) -> String {
        guard path.contains("/") else { return path }
        var suffix = ""
        var file = path
        // `path:line[:line...]` keeps its lines.
        while let colon = file.lastIndex(of: ":"), !file[file.index(after: colon)...].isEmpty,
            file[file.index(after: colon)...].allSatisfy(\.isNumber)
        {
            suffix = String(file[colon...]) + suffix
            file = String(file[..<colon])
        }
        let directory = FileManager.default.currentDirectoryPath
        let absolute = file.hasPrefix("/") ? file : directory + "/" + file
        let standardized = URL(fileURLWithPath: absolute).standardizedFileURL.path
        let base = URL(fileURLWithPath: directory).standardizedFileURL.path + "/"
        let shown = standardized.hasPrefix(base) ? String(standardized.dropFirst(base.count)) : standardized
        return shown + suffix
    }

    /// `12 scenarios (10 passed, 1 failed, 1 undefined)`.
    static func counts(_ noun: String, _ counts: [Status: Int], extra: String = "") -> String {
        let total = counts.values.reduce(0, +)
        let order: [Status] = [.failed, .ambiguous, .undefined, .pending, .skipped, .passed, .unknown]
        let parts = order.compactMap { status in counts[status].map { "\($0) \(status.name)" } }
        let detail = parts.isEmpty ? "" : " (\(parts.joined(separator: ", "))\(extra))"
        return "\(total) \(noun)\(total == 1 ? "" : "s")\(detail)"
    }

    /// The scenarios that failed the run, each with the command that replays it (Cucumber's "Failing Scenarios").
    public static func failingScenarios(_ result: RunResult, commands: ConsoleCommands = .init()) -> [String] {
        let failing = result.testCases.filter(\.status.failsRun)
        guard !failing.isEmpty else { return [] }
        var lines = ["Failing scenarios:"]
        for testCase in failing {
            let location = displayPath(testCase.locationReference)
            let command = commands.replay(testCase) ?? location
            lines.append("  \(command)  # \(testCase.status.name): \(testCase.pickle.name)")
        }
        return lines
    }

    /// The closing summary: undefined steps' snippets (each once), the failing scenarios with their replay commands,
    /// counts of scenarios and steps, flaky scenarios, the duration.
    public static func summary(_ result: RunResult, commands: ConsoleCommands = .init()) -> String {
        var lines: [String] = []
        if !result.runHookFailures.isEmpty {
            for hook in result.runHookFailures {
                lines.append("✘ \(hook.text) hook failed: \(hook.error?.message ?? "")")
                if let location = hook.error?.definitionLocation, let shown = userCodeLocation(location) {
                    lines.append("   at \(shown)")
                }
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
            lines.append(
                "Undefined steps. When no existing step fits (see the nearest steps above), a Swift definition:")
            lines.append("")
            lines += snippets.flatMap { [$0, ""] }
        }
        let failing = failingScenarios(result, commands: commands)
        if !failing.isEmpty { lines += failing + [""] }
        let flaky = result.testCases.filter(\.isFlaky)
        lines.append(
            counts("scenario", result.testCaseCounts, extra: flaky.isEmpty ? "" : ", \(flaky.count) flaky"))
        lines.append(counts("step", result.stepCounts))
        for testCase in flaky {
            lines.append(
                "flaky: \(displayPath(testCase.locationReference)) \(testCase.pickle.name) (passed on attempt \(testCase.attempts.count))"
            )
        }
        lines.append(String(format: "%.3fs%@", result.duration, result.dryRun ? " (dry run)" : ""))
        return lines.joined(separator: "\n")
    }
}
