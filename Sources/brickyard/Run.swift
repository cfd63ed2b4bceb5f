import ArgumentParser
import FeatureRunner
import Foundation
import Provisioning
import Reports

/// `brickyard run [PATHS...]`: runs feature files with the provisioning steps, against an emulator or live endpoints.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run feature files against an emulator (the default, started in this process) or live endpoints.",
        discussion: """
            PATHS are feature files, directories (every *.feature under them), FILE:LINE[:LINE...] (the scenarios or \
            examples rows at those lines) and @FILE (a rerun file written by --format rerun:FILE). Default: features/.

            Every scenario gets fresh resources under names unique to the run and scenario, torn down after it (also \
            when it fails, and on Ctrl-C) unless --keep. Scenarios tagged @emulator-only are skipped by --target live, \
            @live-only by the emulator.

            Reports: every run writes index.html (HTML), junit.xml, cucumber.json (Cucumber JSON), messages.ndjson \
            (Cucumber Messages) and result.json (Brickyard's result, read by `report merge`) under \
            reports/<run-id>/ (--report-dir; reports/latest points there; the newest 20 runs are kept, \
            --keep-reports), unless --no-reports. The console shows progress. --format NAME[:PATH] adds a report: \
            with a PATH it is written there as well (the console keeps progress); without one it goes to standard \
            output instead of progress (pretty, or a machine format to pipe, with the summary then on standard \
            error). Formats: progress, pretty, html, junit, json, message, rerun, result.

            A failing scenario is listed at the end with the command that replays it.

            Exit status: 0 when every scenario passed (or was skipped), 1 when any failed, was undefined, pending or \
            ambiguous, 2 for usage errors, unusable targets and feature files that do not parse (nothing runs then), \
            3 when --publish could not upload the report (it stays under reports/), 130 when interrupted.
            """
    )

    @Argument(help: "Feature files, directories, FILE:LINE, @rerun.txt.")
    var paths: [String] = []

    @OptionGroup var targetOptions: TargetOptions

    @Flag(help: "Keep every scenario's resources and print how to delete them (they are torn down by default).")
    var keep = false

    @Option(help: "How long waiting steps wait, in seconds (default: 120 on an emulator, 2700 live).")
    var waitTimeout: Double?

    @Option(help: "Run the scenarios whose tags match this tag expression (\"@smoke and not @slow\").")
    var tags: String?

    @Option(
        name: .customLong("name"), help: "Run the scenarios whose name matches this regular expression (repeatable).")
    var names: [String] = []

    @Option(help: "Run every N-th scenario starting at the I-th (I/N, 1-based), after the other filters.")
    var shard: String?

    @Option(help: "Retry a failing scenario up to N times, each with a fresh world and fresh resources.")
    var retry = 0

    @Option(help: "Run N scenarios at once.")
    var parallel = 1

    @Flag(help: "Match the steps without running them or any hook.")
    var dryRun = false

    @Option(help: "defined (the files' order), reverse, random (a new seed, printed) or random:SEED.")
    var order = "defined"

    @Flag(help: "Start no scenario after one has failed (those not started are reported skipped).")
    var failFast = false

    @Option(help: "Fail a step that takes longer than this many seconds.")
    var stepTimeout: Double?

    @Flag(
        help:
            "Run the scenarios in this process (by default they run in a worker process, so that a step that crashes fails only its scenario)."
    )
    var noIsolation = false

    @Option(
        name: .customLong("format"),
        help: ArgumentHelp(
            "Another report, repeatable: progress, pretty, html, junit, json, message, rerun or result; to PATH, or "
                + "without one to standard output in place of progress.", valueName: "name[:path]")
    )
    var formats: [String] = []

    @Option(
        help:
            "Where each run's reports go: <dir>/<run-id>/ with index.html, junit.xml, cucumber.json, messages.ndjson, result.json; <dir>/latest points there."
    )
    var reportDir = "reports"

    @Flag(help: "Write no files under --report-dir (only what --format asks for).")
    var noReports = false

    @Option(help: "How many run folders --report-dir keeps, the newest (0: every one).")
    var keepReports = ReportRetention.defaultKeep

    @OptionGroup var publishOptions: PublishOptions

    func validate() throws {
        guard retry >= 0 else { throw ValidationError("--retry must be 0 or more") }
        guard parallel >= 1 else { throw ValidationError("--parallel must be 1 or more") }
        guard keepReports >= 0 else { throw ValidationError("--keep-reports must be 0 (keep all) or more") }
        guard ExecutionOrder(order) != nil else {
            throw ValidationError(
                "--order must be defined, reverse, random or random:SEED (a whole number), not \(order)")
        }
        // Seconds, up to a day: beyond that no run is meant, and a huge value would overflow the conversion to a
        // duration.
        let day = 86_400.0
        if let stepTimeout, !(stepTimeout > 0 && stepTimeout <= day) {
            throw ValidationError("--step-timeout must be more than 0 and at most \(Int(day)) seconds")
        }
        if let waitTimeout, !(waitTimeout > 0 && waitTimeout <= day) {
            throw ValidationError("--wait-timeout must be more than 0 and at most \(Int(day)) seconds")
        }
    }

    func run() async throws {
        let isWorker = WorkerCommand.isWorker
        var options = ProvisioningOptions(target: targetOptions.provisioningTarget, keep: keep)
        options.waitTimeout = waitTimeout
        let invocation = CommandInvocation.current
        options.command = invocation
        // Workers belong to their supervisor's run: same id, so names and tags agree.
        let runIdVariable = "BRICKYARD_RUN_ID"
        if let inherited = ProcessInfo.processInfo.environment[runIdVariable], let id = RunIdentifier(inherited) {
            options.runId = id
        } else {
            setenv(runIdVariable, options.runId.value, 1)
        }
        let provisioning = ProvisioningRun(options)
        let isolation = noIsolation ? nil : WorkerCommand.current
        let executesHere = isWorker || isolation == nil
        if !isWorker && !dryRun && options.target != .inProcessEmulator {
            // Check the target before anything runs: a live run without credentials stops here and says why.
            do {
                let session = try await TargetResolver(options.sources).session(for: options.target)
                FileHandle.standardError.write(Data("brickyard: target \(session.description)\n".utf8))
            } catch {
                FileHandle.standardError.write(Data("brickyard run: \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
        let interruption = Interruption(
            executesHere ? provisioning : nil, workers: executesHere ? nil : isolation?.processes)
        var formats = self.formats
        var reportFolder: String?
        if (!noReports || publishOptions.publish != nil) && !isWorker {
            // Every file format in the run's folder: the run's record, what --publish uploads.
            let folder = "\(reportDir)/\(options.runId.value)"
            formats += [
                "html:\(folder)/index.html", "junit:\(folder)/junit.xml", "json:\(folder)/cucumber.json",
                "message:\(folder)/messages.ndjson", "result:\(folder)/result.json",
            ]
            reportFolder = folder
        } else if !isWorker, !formats.contains(where: { $0.contains(":") }) {
            FileHandle.standardError.write(
                Data("brickyard: --no-reports and no --format NAME:PATH: no report files\n".utf8))
        }
        let executionOrder = ExecutionOrder(order) ?? .defined
        if case .random = executionOrder, !isWorker {
            // The seed, so that an order that showed a dependency between scenarios can be run again.
            let note = "brickyard: scenarios start in random order (--order \(executionOrder))\n"
            FileHandle.standardError.write(Data(note.utf8))
        }
        let execution = ExecutionOptions(
            dryRun: dryRun, stepTimeout: stepTimeout.map { .milliseconds(Int64($0 * 1000)) }, retry: retry,
            parallel: parallel, order: executionOrder, failFast: failFast)
        var configuration = RunConfiguration(
            targets: paths, tags: tags, names: names, shard: shard, execution: execution, formats: formats,
            version: Brickyard.configuration.version)
        configuration.replayCommand = Self.replayCommand(targetOptions, invocation: invocation)
        configuration.stepsCommand = invocation.command(["steps"])
        let (status, result) = await FeatureRunCommand(configuration, isolation: isolation)
            .run(ProvisioningSteps.library(provisioning))
        interruption.cancel()
        if let reportFolder, FileManager.default.fileExists(atPath: reportFolder) {
            Self.pointLatest(at: reportFolder, in: reportDir)
            ReportRetention(keep: keepReports).prune(reportDir, current: options.runId.value)
            FileHandle.standardError.write(Data("Reports: \(reportFolder)/\n".utf8))
        }
        if interruption.happened { throw ExitCode(WorkerCommand.interruptedStatus) }
        if let publishing = publishOptions.publishing(emulator: targetOptions.emulator), let result, let reportFolder,
            !isWorker, status != .usage
        {
            let published = await publishing.publish(
                folder: reportFolder, runId: options.runId, result: result,
                target: Publishing.describe(targetOptions) + (shard.map { " shard \($0)" } ?? ""))
            if !published { throw ExitCode(Self.notPublishedStatus) }
        }
        if status != .passed { throw ExitCode(status.rawValue) }
    }

    /// The exit status when the run finished but its report could not be published (the files stay local).
    static let notPublishedStatus: Int32 = 3

    /// `brickyard run` with the options that choose where it runs (a failing scenario is replayed there).
    static func replayCommand(_ target: TargetOptions, invocation: CommandInvocation) -> String {
        var words = ["run"]
        if target.target == .live { words += ["--target", "live"] }
        if let emulator = target.emulator { words += ["--emulator", emulator] }
        if let profile = target.awsProfile { words += ["--aws-profile", profile] }
        if let profile = target.databricksProfile { words += ["--databricks-profile", profile] }
        return invocation.command(words)
    }

    /// `reports/latest` -> the run's folder.
    static func pointLatest(at folder: String, in directory: String) {
        let latest = "\(directory)/latest"
        try? FileManager.default.removeItem(atPath: latest)
        try? FileManager.default.createSymbolicLink(
            atPath: latest, withDestinationPath: URL(fileURLWithPath: folder).lastPathComponent)
    }
}
