import FeatureRunner
import Foundation
import Testing

/// What the console says about failures: led by the feature file's line, no internal source paths, the nearest steps
/// for an undefined one, and a "Failing scenarios" list whose replay commands can be pasted.
@Suite struct ReplayAndFailureTextTests {
    static var library: StepLibrary<EmptyWorld> {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("an S3 bucket {string}") { _, _ in }
        steps.given("an S3 bucket {string} with versioning enabled") { _, _ in }
        steps.given("a Kinesis stream {string} with {int} shard(s)") { _, _ in }
        steps.then("it breaks") { _, _ in throw StepFailure("expected Enabled, found Suspended") }
        return steps
    }

    static let feature = """
        Feature: replay
          Scenario: typo
            Given an S3 bucket named "root"
          Scenario: broken
            Given an S3 bucket "b"
            Then it breaks
          Scenario: fine
            Given an S3 bucket "c"
        """

    @Test func theEndOfARunListsTheFailingScenariosWithPasteableReplays() async throws {
        let fixture = try FeatureFixture(["dir with space/replay.feature": Self.feature])
        var configuration = RunConfiguration(targets: [fixture.path("dir with space")])
        configuration.replayCommand = "swift run brickyard run --emulator http://127.0.0.1:4566"
        configuration.stepsCommand = "swift run brickyard steps"
        let (status, output, errors) = try await CommandTests.run(configuration, library: Self.library)
        #expect(status == .failed)
        #expect(errors.isEmpty, "the summary is on the console, with progress")
        let file = ConsoleText.displayPath(fixture.path("dir with space/replay.feature"))
        let replay = "swift run brickyard run --emulator http://127.0.0.1:4566 '\(file):"
        #expect(
            output.contains("Failing scenarios:\n  \(replay)2'  # undefined: typo\n  \(replay)4'  # failed: broken\n"))
        // The failure block: the step's line first, the scenario, the message, the replay.
        #expect(
            output.contains(
                "\(file):6: failed: Then it breaks\n   in scenario \"broken\" (\(file):4)\n"
                    + "      expected Enabled, found Suspended\n"
                    + "      at Tests/FeatureRunnerTests/ReplayAndFailureTextTests.swift:13\n   Replay: \(replay)4'"))
        // An undefined step: the nearest steps before any snippet, and how to see every step.
        let undefined = try #require(output.range(of: "No step matches this text. The nearest steps:"))
        let snippet = try #require(output.range(of: "steps.given("))
        #expect(undefined.upperBound < snippet.lowerBound)
        #expect(
            output.contains(
                "The nearest steps:\n        an S3 bucket {string}\n        an S3 bucket {string} with versioning enabled\n"
                    + "      Every step: swift run brickyard steps --matching bucket"))
        #expect(!output.contains("a Kinesis stream"))
    }

    @Test func definitionsOutsideTheProjectAreNotShown() {
        // A step library's own sources (Brickyard's, built elsewhere) mean nothing to the person reading.
        #expect(
            ConsoleText.userCodeLocation(SourceReference(file: "/build/brickyard/Sources/S3.swift", line: 9)) == nil)
        let here = FileManager.default.currentDirectoryPath + "/Tests/Steps.swift"
        #expect(ConsoleText.userCodeLocation(SourceReference(file: here, line: 9)) == "Tests/Steps.swift:9")
    }

    @Test func aMachineFormatOnStandardOutputMovesTheSummaryToStandardError() async throws {
        let fixture = try FeatureFixture(["replay.feature": Self.feature])
        let (status, output, errors) = try await CommandTests.run(
            RunConfiguration(targets: [fixture.path()], formats: ["message"]), library: Self.library)
        #expect(status == .failed)
        #expect(output.split(separator: "\n").allSatisfy { $0.hasPrefix("{") }, "standard output is messages alone")
        #expect(errors.contains("Failing scenarios:"))
        #expect(errors.contains("3 scenarios (1 failed, 1 undefined, 1 passed)"))
    }

    @Test func aFileFormatAddsToTheConsole() async throws {
        let fixture = try FeatureFixture(["replay.feature": Self.feature])
        let junit = fixture.path("out/junit.xml")
        let (_, output, _) = try await CommandTests.run(
            RunConfiguration(targets: [fixture.path()], formats: ["junit:\(junit)"]), library: Self.library)
        #expect(output.contains("3 scenarios (1 failed, 1 undefined, 1 passed)"), "progress stays on the console")
        #expect(FileManager.default.fileExists(atPath: junit))
    }

    @Test(
        "paths as a person types them",
        arguments: [
            ("Tests/FeaturesTests/../../features/s3/a.feature:12", "features/s3/a.feature:12"),
            ("./features/a.feature", "features/a.feature"),
            ("features/a.feature:3:7", "features/a.feature:3:7"),
            ("/elsewhere/x/../a.feature:4", "/elsewhere/a.feature:4"),
            ("a.feature", "a.feature"),
        ])
    func displayPaths(path: String, shown: String) {
        #expect(ConsoleText.displayPath(path) == shown)
        let absolute = FileManager.default.currentDirectoryPath + "/" + path
        if !path.hasPrefix("/") { #expect(ConsoleText.displayPath(absolute) == shown) }
    }

    @Test(
        "shell quoting",
        arguments: [
            ("features/a.feature:3", "features/a.feature:3"), ("a b", "'a b'"), ("it's", #"'it'\''s'"#), ("", "''"),
            ("$HOME", "'$HOME'"),
        ])
    func quoting(word: String, quoted: String) {
        #expect(ShellQuoting.quote(word) == quoted)
    }
}

/// How Brickyard works out the words that start it, for the commands it prints.
@Suite struct CommandInvocationTests {
    let identity: (String) -> String = { $0 }

    @Test func swiftRunInsideThePackage() {
        let invocation = CommandInvocation.detect(
            argument0: "/work/app/.build/x86_64-unknown-linux-gnu/debug/brickyard",
            executable: "/work/app/.build/x86_64-unknown-linux-gnu/debug/brickyard", environment: [:],
            currentDirectory: "/work/app", resolve: identity)
        #expect(invocation.description == "swift run brickyard")
        let release = CommandInvocation.detect(
            argument0: "/work/app/.build/release/brickyard", executable: "/work/app/.build/release/brickyard",
            environment: [:], currentDirectory: "/work/app/features", resolve: identity)
        #expect(release.description == "swift run -c release --package-path /work/app brickyard")
    }

    @Test func theInstalledNameOrThePathItWasStartedBy() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let binary = directory.appendingPathComponent("brickyard").path
        #expect(
            FileManager.default.createFile(atPath: binary, contents: Data(), attributes: [.posixPermissions: 0o755]))
        let onPath = CommandInvocation.detect(
            argument0: binary, executable: binary, environment: ["PATH": "/usr/bin:\(directory.path)"],
            currentDirectory: "/", resolve: identity)
        #expect(onPath.description == "brickyard")
        let notOnPath = CommandInvocation.detect(
            argument0: "./tools/brickyard", executable: "/somewhere/tools/brickyard", environment: ["PATH": "/usr/bin"],
            currentDirectory: "/somewhere", resolve: identity)
        #expect(notOnPath.description == "./tools/brickyard")
        let byName = CommandInvocation.detect(
            argument0: "brickyard", executable: "/opt/x/brickyard", environment: [:], currentDirectory: "/",
            resolve: identity)
        #expect(byName.description == "brickyard")
        let forced = CommandInvocation.detect(
            argument0: "/site-packages/brickyard/_bin/brickyard", executable: nil,
            environment: ["BRICKYARD_COMMAND": "brickyard"], currentDirectory: "/", resolve: identity)
        #expect(forced.command(["run", "a b.feature:3"]) == "brickyard run 'a b.feature:3'")
    }
}
