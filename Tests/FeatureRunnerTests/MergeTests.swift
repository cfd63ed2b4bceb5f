import FeatureRunner
import Foundation
import Testing

@Suite("Merging shards")
struct MergeTests {
    static let feature = """
        Feature: Shards
          Scenario: one
            Given a step
          Scenario: two
            Given a broken step
          Scenario: three
            Given a step
          Scenario: four
            Given a step
        """

    static var library: StepLibrary<EmptyWorld> {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a step") { _, _ in }
        steps.given("a broken step") { _, _ in throw StepFailure("broken") }
        return steps
    }

    @Test("two shards' results, written and read back, merge into the whole run")
    func merge() async throws {
        let fixture = try FeatureFixture(["shards.feature": Self.feature])
        var shards: [RunResult] = []
        for index in 1...2 {
            var filter = ScenarioFilter()
            filter.shard = try ScenarioFilter.parseShard("\(index)/2")
            let result = try await fixture.run(Self.library, filter: filter)
            #expect(result.testCases.count == 2)
            // Through result.json, as `brickyard report merge` reads it.
            shards.append(try ResultFormat.decode(ResultFormat().render(result)))
        }
        let merged = RunResult.merged(shards.reversed())
        #expect(merged.testCases.map(\.pickle.name) == ["one", "two", "three", "four"])
        #expect(merged.sources.count == 1)
        #expect(merged.statuses["two"] == .failed)
        #expect(!merged.success)
        #expect(merged.startedAt == shards.map(\.startedAt).min())
        #expect(merged.stepDefinitions.count == 2)
        let junit = String(decoding: JUnitFormat().render(merged), as: UTF8.self)
        #expect(junit.contains(#"tests="4""#) && junit.contains(#"failures="1""#))
        // The round trip keeps timings to the microsecond.
        let original = shards[0].testCases[0].finalAttempt
        #expect(abs(original.duration - merged.testCases[0].finalAttempt.duration) < 0.000_001)
    }
}
