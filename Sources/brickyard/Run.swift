import ArgumentParser
import FeatureRunner
import Foundation

/// `brickyard run [PATHS...]`: runs feature files against the built-in step library.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run feature files.",
        discussion: """
            PATHS are feature files, directories (every *.feature under them), FILE:LINE[:LINE...] (the scenarios or \
            examples rows at those lines) and @FILE (a rerun file written by --format rerun:FILE). Default: features/.

            Exit status: 0 when every scenario passed (or was skipped), 1 when any failed, was undefined, pending or \
            ambiguous, 2 for usage errors and feature files that do not parse (nothing runs then).
            """
    )

    @Argument(help: "Feature files, directories, FILE:LINE, @rerun.txt.")
    var paths: [String] = []

    @Option(help: "Run the scenarios whose tags match this tag expression (\"@smoke and not @slow\").")
    var tags: String?

    @Option(
        name: .customLong("name"), help: "Run the scenarios whose name matches this regular expression (repeatable).")
    var names: [String] = []

    @Option(help: "Run every N-th scenario starting at the I-th (I/N, 1-based), after the other filters.")
    var shard: String?

    @Option(help: "Retry a failing scenario up to N times, each with a fresh world; the last attempt counts.")
    var retry = 0

    @Option(help: "Run N scenarios at once.")
    var parallel = 1

    @Flag(help: "Match the steps without running them or any hook.")
    var dryRun = false

    @Option(help: "Fail a step that takes longer than this many seconds.")
    var stepTimeout: Double?

    @Flag(
        help:
            "Run the scenarios in this process (by default they run in a worker process, so that a step that crashes fails only its scenario)."
    )
    var noIsolation = false

    @Option(
        name: .customLong("format"),
        help: "NAME[:PATH], repeatable: progress (the default), message, junit, rerun. Without a path: standard output."
    )
    var formats: [String] = []

    func validate() throws {
        guard retry >= 0 else { throw ValidationError("--retry must be 0 or more") }
        guard parallel >= 1 else { throw ValidationError("--parallel must be 1 or more") }
        if let stepTimeout, stepTimeout <= 0 { throw ValidationError("--step-timeout must be more than 0") }
    }

    func run() async throws {
        let execution = ExecutionOptions(
            dryRun: dryRun, stepTimeout: stepTimeout.map { .milliseconds(Int64($0 * 1000)) }, retry: retry,
            parallel: parallel)
        let configuration = RunConfiguration(
            targets: paths, tags: tags, names: names, shard: shard, execution: execution, formats: formats,
            version: Brickyard.configuration.version)
        let isolation = noIsolation ? nil : WorkerCommand.current
        let (status, _) = await FeatureRunCommand(configuration, isolation: isolation).run(BuiltInSteps.library)
        if status != .passed { throw ExitCode(status.rawValue) }
    }
}

/// The step library `brickyard run` uses. The provisioning steps (S3, IAM, Databricks...) join it with their issue;
/// until then every step is undefined and the run prints a snippet for each.
enum BuiltInSteps {
    static var library: StepLibrary<EmptyWorld> { StepLibrary() }
}
