import FeatureRunner
import Foundation
import Testing

/// Steps that crash their process fail their step only, when scenarios run in worker processes.
@Suite struct IsolationTests {
    /// The fixture runner built beside the test bundle.
    static var fixture: String {
        let directory = Bundle.main.bundleURL.deletingLastPathComponent()
        let beside = directory.appendingPathComponent("FeatureRunnerFixture").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return Bundle.main.bundleURL.appendingPathComponent("FeatureRunnerFixture").path
    }

    static let feature = """
        Feature: crashes
          Scenario: before
            Given a step
          Scenario: crashing
            Given a noisy step
            And a step that crashes
            And a step
          Scenario: after
            Given a step
          Scenario: crashes once
            Given a step that crashes on its first attempt
        """

    static func run(_ arguments: [String]) async throws -> (status: Int32, junit: String) {
        let features = try FeatureFixture(["c.feature": feature])
        let junit = features.path("junit.xml")
        let (status, _) = try await runToEnd(
            fixture,
            arguments + [
                "--format", "junit:\(junit)", "--format", "progress:\(features.path("progress.txt"))", features.path(),
            ])
        return (status, try String(contentsOfFile: junit, encoding: .utf8))
    }

    @Test(arguments: [["--parallel", "1"], ["--parallel", "3"], ["--retry", "1"]])
    func aCrashingStepFailsOnlyItsScenario(_ arguments: [String]) async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.fixture), "\(Self.fixture) is not built")
        let (status, junit) = try await Self.run(arguments)
        #expect(status == 1)
        #expect(junit.contains(#"tests="4""#))
        #expect(junit.contains(#"<testcase classname="crashes" name="before""#))
        #expect(
            junit.contains(
                #"<failure message="And a step that crashes: failed" type="failed">the process crashed in this step (signal"#
            ))
        let crashesOnce = arguments == ["--retry", "1"] ? 0 : 1
        #expect(junit.contains(#"failures="\#(1 + crashesOnce)""#), "\(junit)")
    }
}
