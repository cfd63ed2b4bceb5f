import ArgumentParser
import FeatureRunner
import Foundation
import Provisioning
import Reports

/// `brickyard report`: what can be done with reports after their runs.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with run reports.", subcommands: [Merge.self])

    /// `brickyard report merge DIR...`: one report of several shards.
    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge the reports of shards (brickyard run --shard i/n on several machines) into one.",
            discussion: """
                Each DIR is a run's report folder (it holds result.json). The merged report gets a new run id and \
                every file format; --publish uploads it as brickyard run does. Exit status: 0 when every merged \
                scenario passed, 1 when any did not, 2 for unreadable folders, 3 when publishing failed.
                """)

        @Argument(help: "The shards' report folders (reports/<run-id>).")
        var folders: [String]

        @Option(help: "Where the merged report goes (default: reports/<new run id>, and reports/latest).")
        var output: String?

        @Option(help: "Where reports go when --output is not given.")
        var reportDir = "reports"

        @OptionGroup var publishing: PublishOptions

        func run() async throws {
            var results: [RunResult] = []
            for folder in folders {
                let path = "\(folder)/result.json"
                do {
                    results.append(try ResultFormat.decode(try Data(contentsOf: URL(fileURLWithPath: path))))
                } catch {
                    FileHandle.standardError.write(Data("brickyard report merge: cannot read \(path): \(error)\n".utf8))
                    throw ExitCode(2)
                }
            }
            let merged = RunResult.merged(results)
            let runId = RunIdentifier(date: merged.startedAt)
            let folder = output ?? "\(reportDir)/\(runId.value)"
            let replay = CommandInvocation.current.command(["run"])
            do {
                try ReportFolder(path: folder, version: Brickyard.configuration.version, replayCommand: replay)
                    .write(merged)
            } catch {
                FileHandle.standardError.write(Data("brickyard report merge: cannot write \(folder): \(error)\n".utf8))
                throw ExitCode(2)
            }
            if output == nil { Run.pointLatest(at: folder, in: reportDir) }
            FileHandle.standardOutput.write(Data((ConsoleText.summary(merged, commands: ConsoleCommands(replay: replay)) + "\nReport: \(folder)/\n").utf8))
            if let publishing = publishing.publishing(emulator: nil) {
                let published = await publishing.publish(
                    folder: folder, runId: runId, result: merged, target: "\(folders.count) shards merged")
                if !published { throw ExitCode(Run.notPublishedStatus) }
            }
            if !merged.success { throw ExitCode(1) }
        }
    }
}
