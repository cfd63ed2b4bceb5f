import Foundation
import Gherkin
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `pretty`: features, scenarios and their steps as Gherkin, each scenario printed when it finishes (whole, so that
/// parallel scenarios do not interleave), with each step's status, duration and error; coloured on a terminal.
public final class PrettyReporter: RunListener {
    private let output: FileHandle
    private let colours: Bool
    private let secrets: SecretValues?
    private let printed = Mutex<Set<String>>([])

    /// - Parameters:
    ///   - output: Where to write.
    ///   - colours: ANSI colours; `nil` decides by whether `output` is a terminal (and `NO_COLOR` is unset).
    ///   - secrets: values masked in everything written.
    public init(output: FileHandle = .standardOutput, colours: Bool? = nil, secrets: SecretValues? = nil) {
        self.output = output
        self.secrets = secrets
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

    public func runStarted(testCases: Int, sources: [FeatureSource]) {
        index.withLock { $0 = GherkinIndex(documents: sources.compactMap(\.document)) }
        let errors = ConsoleText.parseErrors(sources)
        if !errors.isEmpty { write(errors + "\n") }
    }

    public func testCaseFinished(_ pickle: Pickle, attempt: AttemptResult) {
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
        let retry = attempt.attempt > 0 ? " (attempt \(attempt.attempt + 1))" : ""
        let location = grey("# \(pickle.uri):\(pickle.location?.line ?? 0)")
        text += "  \(keyword): \(pickle.name)\(retry) \(location)\n"
        for step in attempt.steps {
            let milliseconds = grey("(\(Int((step.duration * 1000).rounded())) ms)")
            if step.kind.isStep {
                let line = "\(step.keyword)\(step.text)"
                text += "    " + paint("\(ConsoleText.mark(step.status)) \(line)", step.status) + " \(milliseconds)\n"
            } else if step.status != .passed {
                text += "    " + paint("\(ConsoleText.mark(step.status)) \(step.text) hook", step.status) + "\n"
            } else {
                continue
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
                if let definition = error.definitionLocation { text += grey("        at \(definition)") + "\n" }
            }
            if let snippet = step.snippet {
                text += paint("        Undefined. Implement it with:", .undefined) + "\n"
                for line in snippet.split(separator: "\n") { text += "        \(line)\n" }
            }
        }
        if attempt.willBeRetried { text += paint("  (failed; retrying)", .pending) + "\n" }
        write(text)
    }

    public func runFinished(_ result: RunResult) {
        write("\n" + ConsoleText.summary(result) + "\n")
    }
}
