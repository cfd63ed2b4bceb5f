import Foundation
import Gherkin
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `pretty`: features, scenarios and their steps as Gherkin, with each step's status, duration and error; coloured on
/// a terminal. With `live` (scenarios run one at a time) each step is printed as it finishes; otherwise each scenario
/// is printed whole when it finishes, so that parallel scenarios do not interleave.
public final class PrettyReporter: RunListener {
    private let output: FileHandle
    private let colours: Bool
    private let secrets: SecretValues?
    private let live: Bool
    private let commands: ConsoleCommands
    private let printed = Mutex<Set<String>>([])

    /// - Parameters:
    ///   - output: Where to write.
    ///   - colours: ANSI colours; `nil` decides by whether `output` is a terminal (and `NO_COLOR` is unset).
    ///   - secrets: values masked in everything written.
    ///   - live: print each step as it finishes (for runs of one scenario at a time).
    ///   - commands: the replay and steps commands offered in failures and the summary.
    public init(
        output: FileHandle = .standardOutput, colours: Bool? = nil, secrets: SecretValues? = nil, live: Bool = true,
        commands: ConsoleCommands = .init()
    ) {
        self.output = output
        self.commands = commands
        self.secrets = secrets
        self.live = live
        self.colours =
            colours ?? (isatty(output.fileDescriptor) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }

    private func paint(_ text: String, _ status: Status) -> String {
        guard colours else { return text }
        let code: String
        switch status {
        case .passed: code = "32"
        case .failed, .ambiguous: code = "31"
        case .skipped: code = "36"
        case .pending, .undefined, .unknown: code = "33"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    private func write(_ text: String) {
        output.write(Data((secrets?.mask(text) ?? text).utf8))
    }

    private func grey(_ text: String) -> String { colours ? "\u{1B}[90m\(text)\u{1B}[0m" : text }

    private let index = Mutex<GherkinIndex?>(nil)
    /// Live: how many steps of each running test case were printed.
    private let shown = Mutex<[String: Int]>([:])

    public func runStarted(testCases: Int, sources: [FeatureSource]) {
        index.withLock { $0 = GherkinIndex(documents: sources.compactMap(\.document)) }
        let errors = ConsoleText.parseErrors(sources)
        if !errors.isEmpty { write(errors + "\n") }
    }

    public func testCaseStarted(_ pickle: Pickle, attempt: Int, worker: Int) {
        if live { write(header(pickle, attempt: attempt)) }
    }

    public func stepFinished(_ step: StepResult, in pickle: Pickle, attempt: Int) {
        guard live else { return }
        shown.withLock { $0[pickle.id, default: 0] += 1 }
        write(text(of: step))
    }

    public func testCaseFinished(_ pickle: Pickle, attempt: AttemptResult) {
        // Live, the steps were printed as they finished; what no step event told (a step in which the worker
        // crashed) is printed now.
        let printedSteps = shown.withLock { $0.removeValue(forKey: pickle.id) ?? 0 }
        var text = live ? "" : header(pickle, attempt: attempt.attempt)
        text += attempt.steps.dropFirst(live ? printedSteps : 0).map(text(of:)).joined()
        if attempt.willBeRetried { text += paint("  (failed; retrying)", .pending) + "\n" }
        write(text)
    }

    /// The feature's title (before its first scenario) and the scenario's.
    private func header(_ pickle: Pickle, attempt: Int) -> String {
        let origin = index.withLock { $0?.origin(of: pickle) }
        var text = ""
        let (firstOfFeature, firstOfRun) = printed.withLock { ($0.insert(pickle.uri).inserted, $0.count == 1) }
        if firstOfFeature, let feature = origin?.feature {
            if !firstOfRun { text += "\n" }
            let tags = feature.tags.map(\.name).joined(separator: " ")
            if !tags.isEmpty { text += grey(tags) + "\n" }
            text += "\(feature.keyword): \(feature.name)\n"
        }
        text += "\n"
        // The scenario's own tags (and its examples'); the feature's are printed above it.
        let own = (origin?.scenario.tags ?? []) + (origin?.examples?.tags ?? [])
        let tags = own.map(\.name).joined(separator: " ")
        if !tags.isEmpty { text += "  " + grey(tags) + "\n" }
        let keyword = origin?.scenario.keyword ?? "Scenario"
        let retry = attempt > 0 ? " (attempt \(attempt + 1))" : ""
        let location = grey("# \(ConsoleText.displayPath(pickle.uri)):\(pickle.location?.line ?? 0)")
        return text + "  \(keyword): \(pickle.name)\(retry) \(location)\n"
    }

    /// A step's line with its status and duration, then its error or snippet; a hook only when it did not pass.
    private func text(of step: StepResult) -> String {
        var text: String
        let milliseconds = grey("(\(Int((step.duration * 1000).rounded())) ms)")
        if step.kind.isStep {
            let line = "\(step.keyword)\(step.text)"
            text = "    " + paint("\(ConsoleText.mark(step.status)) \(line)", step.status) + " \(milliseconds)\n"
        } else if step.status != .passed {
            text = "    " + paint("\(ConsoleText.mark(step.status)) \(step.text) hook", step.status) + "\n"
        } else {
            return ""
        }
        if let docString = step.argument?.docString, step.kind.isStep, step.status != .passed {
            for line in docString.content.split(separator: "\n", omittingEmptySubsequences: false).prefix(20) {
                text += grey("        | \(line)") + "\n"
            }
        }
        if let error = step.error {
            for line in error.message.split(separator: "\n", omittingEmptySubsequences: false) {
                text += paint("        \(line)", step.status) + "\n"
            }
            if let definition = error.definitionLocation, let shown = ConsoleText.userCodeLocation(definition) {
                text += grey("        at \(shown)") + "\n"
            }
        }
        if step.status == .undefined {
            for line in ConsoleText.undefinedHelp(step, commands: commands) {
                text += paint("        \(line)", .undefined) + "\n"
            }
        }
        return text
    }

    public func runFinished(_ result: RunResult) {
        write("\n" + ConsoleText.summary(result, commands: commands) + "\n")
    }
}
