import BrickyardTesting
import FeatureRunner
import Foundation
import Testing

/// The other way in, without the plugin: one parameterized test, a test case per scenario.
@Test(arguments: FeatureScenario.all(in: "Features"))
func scenario(_ scenario: FeatureScenario) async {
    await Features.run(scenario)
}

@Suite struct FeatureSuiteTests {
    @Test func everyScenarioIsListed() {
        let scenarios = FeatureScenario.all(in: "Features")
        #expect(scenarios.map(\.name) == ["りんごを入れる", "adding items", "totals of <count> items", "the limit"])
        #expect(scenarios.first?.testDescription == "ja.feature:3 りんごを入れる")
    }

    @Test func aFailingScenarioIsAnIssueAtItsStep() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "brickyard-suite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("broken.feature").path
        try
            "Feature: broken\n  Scenario: too few\n    Given an empty cart\n    Then the cart holds 2 items\n    And nothing defined\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        await withKnownIssue {
            await Features.run(file, line: 2)
        } matching: { issue in
            issue.sourceLocation?.line == 4 && issue.sourceLocation?.filePath == file
                && "\(issue)".contains("the cart holds 0 items, not 2")
                // A test of its own: `swift test --filter` with its id replays it.
                && "\(issue)".contains(#"Replay: swift test --filter 'BrickyardTestingTests\.FeatureSuiteTests/"#)
        }
    }

    @Test func aPathThroughTheTestTargetIsShownAsAPersonTypesIt() {
        let text = ConsoleText.displayPath("Tests/FeaturesTests/../../features/s3/buckets.feature:8")
        #expect(text == "features/s3/buckets.feature:8")
    }
}
