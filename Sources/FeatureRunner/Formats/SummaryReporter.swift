import Foundation
import Gherkin

/// The closing summary alone (failing scenarios with their replay commands, counts, duration), for runs whose
/// standard output carries a machine format (`--format message`): written to standard error.
public final class SummaryReporter: RunListener {
    private let output: FileHandle
    private let secrets: SecretValues?
    private let commands: ConsoleCommands

    /// - Parameters:
    ///   - output: where to write (standard error).
    ///   - secrets: values masked in everything written.
    ///   - commands: the replay command offered for each failing scenario.
    public init(output: FileHandle = .standardError, secrets: SecretValues? = nil, commands: ConsoleCommands = .init())
    {
        self.output = output
        self.secrets = secrets
        self.commands = commands
    }

    public func runStarted(testCases: Int, sources: [FeatureSource]) {
        let errors = ConsoleText.parseErrors(sources)
        if !errors.isEmpty { write("Parse errors (nothing was run):\n\(errors)\n") }
    }

    public func runFinished(_ result: RunResult) {
        write(ConsoleText.summary(result, commands: commands) + "\n")
    }

    private func write(_ text: String) {
        output.write(Data((secrets?.mask(text) ?? text).utf8))
    }
}
