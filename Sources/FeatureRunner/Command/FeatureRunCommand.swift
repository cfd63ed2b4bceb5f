import Foundation
import Gherkin

/// Runs features as `brickyard run` does and says how to exit: 0 when everything passed, 1 when anything did not,
/// 2 for usage errors and files that do not parse (nothing runs then).
public struct FeatureRunCommand: Sendable {
    /// Exit codes.
    public enum ExitStatus: Int32, Sendable {
        case passed = 0
        case failed = 1
        case usage = 2
    }

    public var configuration: RunConfiguration
    /// Where usage errors go.
    public var errorOutput: FileHandle
    /// Where formats without a path go.
    public var standardOutput: FileHandle
    /// When set, scenarios run in worker processes started with this command, so that a step that crashes its
    /// process fails that step only (see ``FeatureRun/execute(isolatedIn:listener:)``).
    public var isolation: WorkerCommand?

    public init(
        _ configuration: RunConfiguration, isolation: WorkerCommand? = nil,
        standardOutput: FileHandle = .standardOutput,
        errorOutput: FileHandle = .standardError
    ) {
        self.configuration = configuration
        self.isolation = isolation
        self.standardOutput = standardOutput
        self.errorOutput = errorOutput
    }

    /// Selects, runs and reports.
    public func run<W: World>(_ library: StepLibrary<W>) async -> (ExitStatus, RunResult?) {
        let formats: [FormatSpec]
        let run: FeatureRun<W>
        do throws(SelectionError) {
            formats = try Self.formats(configuration.formats)
            var filter = ScenarioFilter(names: configuration.names)
            if let tags = configuration.tags, !tags.isEmpty {
                do {
                    filter.tags = try TagExpression(tags)
                } catch {
                    throw SelectionError("--tags: \(error.message)")
                }
            }
            if let shard = configuration.shard { filter.shard = try ScenarioFilter.parseShard(shard) }
            run = try FeatureRun(
                library: library, targets: configuration.targets.isEmpty ? ["features"] : configuration.targets,
                filter: filter, options: configuration.execution)
        } catch {
            errorOutput.write(Data("brickyard run: \(error.message)\n".utf8))
            return (.usage, nil)
        }
        if let cases = WorkerCommand.workerCases {
            // A worker: run the cases the supervisor asked for and tell it everything on the protocol channel, which
            // was standard output; what steps print goes to standard error from here on.
            let channel =
                standardOutput.fileDescriptor == STDOUT_FILENO
                ? WorkerChannel.claimStandardOutput() : WorkerChannel(descriptor: standardOutput.fileDescriptor)
            let reporter = WorkerReporter(channel: channel, pickleIds: run.pickles.map(\.id))
            run.secrets.onAdd { reporter.secret($0) }
            let result = await run.execute(
                only: cases, parallel: WorkerCommand.workerParallel, firstAttempts: WorkerCommand.workerFirstAttempts,
                listener: reporter)
            return (.passed, result)
        }
        var listeners: [any RunListener] = []
        let commands = ConsoleCommands(replay: configuration.replayCommand, steps: configuration.stepsCommand)
        for spec in formats where FormatSpec.live.contains(spec.name) {
            let output = spec.path.flatMap(Self.open) ?? standardOutput
            if spec.name == "progress" {
                listeners.append(
                    ProgressReporter(
                        output: output, interactive: spec.path == nil ? nil : false, secrets: run.secrets,
                        commands: commands))
            } else {
                listeners.append(
                    PrettyReporter(
                        output: output, colours: spec.path == nil ? nil : false, secrets: run.secrets,
                        live: configuration.execution.parallel == 1, commands: commands))
            }
        }
        if !formats.contains(where: { $0.path == nil && FormatSpec.live.contains($0.name) }) {
            // Standard output carries a machine format: the summary and the failing scenarios go to standard error,
            // so that no run ends without saying how it went.
            listeners.append(SummaryReporter(output: errorOutput, secrets: run.secrets, commands: commands))
        }
        let listener: (any RunListener)? = listeners.isEmpty ? nil : RunListenerGroup(listeners)
        let result: RunResult
        if let isolation {
            result = await run.execute(isolatedIn: isolation, listener: listener)
        } else {
            result = await run.execute(listener: listener)
        }
        for spec in formats where !FormatSpec.live.contains(spec.name) {
            if spec.name == "html", let path = spec.path {
                do {
                    var html = HTMLReport(replayCommand: configuration.replayCommand)
                    html.secrets = run.secrets
                    try html.write(result, to: path)
                } catch {
                    errorOutput.write(Data("brickyard run: cannot write \(path): \(error)\n".utf8))
                    return (.usage, result)
                }
                continue
            }
            var data: Data
            switch spec.name {
            case "message": data = MessageFormat(version: configuration.version).render(result)
            case "junit": data = JUnitFormat().render(result)
            case "json": data = CucumberJSONFormat().render(result)
            case "result": data = ResultFormat().render(result)
            case "html":
                var html = HTMLReport(replayCommand: configuration.replayCommand)
                html.secrets = run.secrets
                data = html.render(result)
            default: data = RerunFormat().render(result)
            }
            data = run.secrets.mask(data)
            if let path = spec.path {
                do {
                    try Self.write(data, to: path)
                } catch {
                    errorOutput.write(Data("brickyard run: cannot write \(path): \(error)\n".utf8))
                    return (.usage, result)
                }
            } else {
                standardOutput.write(data)
            }
        }
        if !run.parsed { return (.usage, result) }
        return (result.success ? .passed : .failed, result)
    }

    /// The formats asked for, as Cucumber-JVM combines them: a format written to a file adds to the console's
    /// output, a format written to standard output replaces `progress` there (which is the console's format when no
    /// format writes to standard output). Two formats may not both write to standard output.
    static func formats(_ texts: [String]) throws(SelectionError) -> [FormatSpec] {
        var specs: [FormatSpec] = []
        for text in texts { specs.append(try FormatSpec.parse(text)) }
        if !specs.contains(where: { $0.path == nil }) { specs.insert(FormatSpec(name: "progress"), at: 0) }
        let toStandardOutput = specs.filter { $0.path == nil }
        if toStandardOutput.count > 1 {
            throw SelectionError(
                "--format: \(toStandardOutput.map(\.name).joined(separator: " and ")) would both write to standard output; give all but one a path (junit:reports/junit.xml)"
            )
        }
        return specs
    }

    static func open(_ path: String) -> FileHandle? {
        try? createDirectory(for: path)
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        return FileHandle(forWritingAtPath: path)
    }

    static func createDirectory(for path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    static func write(_ data: Data, to path: String) throws {
        try createDirectory(for: path)
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
