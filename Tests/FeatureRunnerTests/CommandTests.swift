import FeatureRunner
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `brickyard run` end to end: exit codes, usage errors, parse errors, and the formats written from one run.
@Suite struct CommandTests {
    static var library: StepLibrary<EmptyWorld> {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a step") { _, _ in }
        steps.given("a broken step") { _, _ in throw StepFailure("broken") }
        return steps
    }

    /// Runs the command with its outputs captured in files.
    static func run(
        _ configuration: RunConfiguration, library: StepLibrary<EmptyWorld> = library
    ) async throws
        -> (FeatureRunCommand.ExitStatus, output: String, errors: String)
    {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "brickyard-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let outputPath = directory.appendingPathComponent("out").path
        let errorPath = directory.appendingPathComponent("err").path
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let output = try #require(FileHandle(forWritingAtPath: outputPath))
        let errors = try #require(FileHandle(forWritingAtPath: errorPath))
        let (status, _) = await FeatureRunCommand(configuration, standardOutput: output, errorOutput: errors).run(
            library)
        try output.close()
        try errors.close()
        return (
            status, try String(contentsOfFile: outputPath, encoding: .utf8),
            try String(contentsOfFile: errorPath, encoding: .utf8)
        )
    }

    @Test func exitCodesFollowTheOutcome() async throws {
        let fixture = try FeatureFixture([
            "ok.feature": "Feature: ok\n  Scenario: fine\n    Given a step\n",
            "bad.feature": "Feature: bad\n  Scenario: broken\n    Given a broken step\n",
            "undefined.feature": "Feature: u\n  Scenario: u\n    Given nothing matches this\n",
        ])
        let passed = try await Self.run(RunConfiguration(targets: [fixture.path("ok.feature")]))
        #expect(passed.0 == .passed)
        #expect(passed.output.contains("1 scenario (1 passed)"))
        #expect(try await Self.run(RunConfiguration(targets: [fixture.path("bad.feature")])).0 == .failed)
        #expect(try await Self.run(RunConfiguration(targets: [fixture.path("undefined.feature")])).0 == .failed)
        // Nothing selected is not a failure.
        #expect(try await Self.run(RunConfiguration(targets: [fixture.path()], tags: "@none")).0 == .passed)
    }

    @Test func usageErrorsExitTwoAndSaySo() async throws {
        let fixture = try FeatureFixture(["ok.feature": "Feature: ok\n  Scenario: fine\n    Given a step\n"])
        let badTags = try await Self.run(RunConfiguration(targets: [fixture.path()], tags: "@a and"))
        #expect(badTags.0 == .usage)
        #expect(
            badTags.errors.contains(
                #"--tags: Tag expression "@a and" could not be parsed because of syntax error: Expected operand."#))
        let badLine = try await Self.run(RunConfiguration(targets: [fixture.path("ok.feature") + ":9"]))
        #expect(badLine.0 == .usage)
        #expect(badLine.errors.contains("ok.feature:9 is not a line of any scenario or examples row"))
        let badFormat = try await Self.run(RunConfiguration(targets: [fixture.path()], formats: ["xml"]))
        #expect(badFormat.0 == .usage)
        #expect(
            badFormat.errors.contains("the formats are progress, pretty, message, junit, json, html, rerun, result"))
        let twoOnStdout = try await Self.run(
            RunConfiguration(targets: [fixture.path()], formats: ["junit", "message"]))
        #expect(twoOnStdout.0 == .usage)
        let badShard = try await Self.run(RunConfiguration(targets: [fixture.path()], shard: "0/2"))
        #expect(badShard.0 == .usage)
        var broken = StepLibrary<EmptyWorld>()
        broken.given("a {nope} step") { _, _ in }
        let badExpression = try await Self.run(RunConfiguration(targets: [fixture.path()]), library: broken)
        #expect(badExpression.0 == .usage)
        #expect(badExpression.errors.contains("Undefined parameter type 'nope'"))
    }

    @Test func aMalformedFeatureRunsNothingAndReportsEveryError() async throws {
        let journal = Journal()
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a step") { _, _ in journal.note("ran") }
        let fixture = try FeatureFixture([
            "good.feature": "Feature: good\n  Scenario: fine\n    Given a step\n",
            "bad.feature": "Feature: bad\n  Scenario: s\n    Given a step\n    not a step\n  | a |\n  | b | c |\n",
            "language.feature": "# language: klingon\nFeature: k\n",
        ])
        let junit = fixture.path("reports/junit.xml")
        let result = try await Self.run(
            RunConfiguration(targets: [fixture.path()], formats: ["progress", "junit:\(junit)"]), library: steps)
        #expect(result.0 == .usage)
        #expect(journal.all.isEmpty)
        let bad = fixture.path("bad.feature")
        #expect(result.output.contains("\(bad):4:5: expected: #EOF, #TableRow, #DocStringSeparator, #StepLine"))
        #expect(result.output.contains("\(bad):6:3: inconsistent cell count within the table"))
        #expect(result.output.contains("Language not supported: klingon (the languages are: af, am, amh, an, ar,"))
        let report = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(report.contains(#"errors="2""#))
        #expect(report.contains("inconsistent cell count within the table"))
    }

    @Test func formatsAreWrittenFromOneRun() async throws {
        let fixture = try FeatureFixture([
            "shop.feature": """
            Feature: Shop
              Scenario: fine
                Given a step
              Scenario: broken
                Given a broken step
                And a step
              Scenario Outline: outline <n>
                Given a step
                Examples: sizes
                  | n |
                  | 1 |
                  | 2 |
            """
        ])
        let messages = fixture.path("out/messages.ndjson")
        let junit = fixture.path("out/junit.xml")
        let rerun = fixture.path("out/rerun.txt")
        let result = try await Self.run(
            RunConfiguration(
                targets: [fixture.path()],
                formats: ["message:\(messages)", "junit:\(junit)", "rerun:\(rerun)", "progress"]))
        #expect(result.0 == .failed)
        #expect(result.output.contains("4 scenarios (1 failed, 3 passed)"))
        #expect(result.output.contains("broken"))

        // Messages: one envelope per line, each with one key, in a run's order.
        let envelopes = try String(contentsOfFile: messages, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(envelopes.allSatisfy { $0.count == 1 })
        let kinds = envelopes.map { $0.keys.first! }
        #expect(kinds.first == "meta")
        #expect(kinds.last == "testRunFinished")
        #expect(kinds.filter { $0 == "pickle" }.count == 4)
        #expect(kinds.filter { $0 == "testCase" }.count == 4)
        #expect(kinds.filter { $0 == "testCaseStarted" }.count == 4)
        #expect(kinds.filter { $0 == "testStepFinished" }.count == 5)
        let finished = try #require(envelopes.last?["testRunFinished"] as? [String: Any])
        #expect(finished["success"] as? Bool == false)

        // JUnit: classname = feature, outline rows named by examples and index, failures with their message.
        #if canImport(FoundationXML)
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: junit))
        let suite = try #require(document.rootElement())
        #expect(suite.attribute(forName: "tests")?.stringValue == "4")
        #expect(suite.attribute(forName: "failures")?.stringValue == "1")
        let cases = suite.elements(forName: "testcase")
        #expect(cases.map { $0.attribute(forName: "classname")?.stringValue } == Array(repeating: "Shop", count: 4))
        #expect(
            cases.map { $0.attribute(forName: "name")?.stringValue } == [
                "fine", "broken", "outline 1 - sizes - #1.1", "outline 2 - sizes - #1.2",
            ])
        let failure = try #require(cases[1].elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue == "Given a broken step: failed")
        #expect(failure.stringValue?.contains("broken") == true)
        #expect(cases[1].elements(forName: "system-out").first?.stringValue?.contains("And a step") == true)
        #endif

        #expect(try String(contentsOfFile: rerun, encoding: .utf8) == "\(fixture.path("shop.feature")):4\n")
    }

    @Test func plainProgressWhenNotATerminal() async throws {
        let fixture = try FeatureFixture(["ok.feature": "Feature: ok\n  Scenario: fine\n    Given a step\n"])
        let result = try await Self.run(RunConfiguration(targets: [fixture.path()]))
        #expect(result.output.contains("✔ passed \(fixture.path("ok.feature")):2 fine"))
        #expect(!result.output.contains("\u{1B}["))
    }
}

/// The live status line a terminal gets.
@Suite struct ProgressTests {
    @Test func aTerminalGetsALiveStatusLineAndFailuresAsTheyHappen() async throws {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a step") { _, _ in }
        steps.given("a broken step") { _, _ in throw StepFailure("broken") }
        let fixture = try FeatureFixture([
            "p.feature": "Feature: p\n  Scenario: fine\n    Given a step\n  Scenario: bad\n    Given a broken step\n"
        ])
        let path = fixture.path("progress.txt")
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        let run = try FeatureRun(library: steps, targets: [fixture.path("p.feature")])
        _ = await run.execute(listener: ProgressReporter(output: handle, interactive: true))
        try handle.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("[0/2] ✔ 0 ✘ 0 - 0 · fine"))
        #expect(text.contains("\r\u{1B}[2K[1/2] ✔ 1 ✘ 0 - 0"))
        let file = ConsoleText.displayPath(fixture.path("p.feature"))
        #expect(text.contains("1) \(file):5: failed: Given a broken step\n   in scenario \"bad\" (\(file):4)"))
        #expect(text.contains("2 scenarios (1 failed, 1 passed)"))
    }
}
