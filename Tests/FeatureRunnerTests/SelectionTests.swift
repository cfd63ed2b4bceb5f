import FeatureRunner
import Foundation
import Testing

/// Which scenarios a run takes: directories, files, `file:LINE`, `@rerun`, tags, names, shards.
@Suite struct SelectionTests {
    static let shop = """
        @shop
        Feature: Shop

          Scenario: first
            Given a step

          @slow
          Scenario: second
            Given a step

          Scenario Outline: outline <n>
            Given a step

            @fast
            Examples: small
              | n |
              | 1 |
              | 2 |

            Examples: large
              | n   |
              | 100 |

          Rule: the rule
            Scenario: in the rule
              Given a step
        """

    static var library: StepLibrary<EmptyWorld> {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a step") { _, _ in }
        return steps
    }

    @Test func directoriesAreSearchedRecursivelyInPathOrder() async throws {
        let fixture = try FeatureFixture([
            "b.feature": "Feature: B\n  Scenario: b\n    Given a step\n",
            "a/deep/c.feature": "Feature: C\n  Scenario: c\n    Given a step\n",
            "a.feature": "Feature: A\n  Scenario: a\n    Given a step\n",
            "notes.txt": "not a feature",
        ])
        let result = try await fixture.run(Self.library)
        #expect(result.names == ["a", "c", "b"])
        #expect(
            result.sources.map { URL(fileURLWithPath: $0.uri).lastPathComponent } == [
                "a.feature", "c.feature", "b.feature",
            ])
        let one = try await fixture.run(Self.library, [fixture.path("b.feature")])
        #expect(one.names == ["b"])
    }

    @Test func linesSelectScenariosExamplesAndRows() async throws {
        let fixture = try FeatureFixture(["shop.feature": Self.shop])
        let file = fixture.path("shop.feature")
        // The scenario's line, and its step's line.
        #expect(try await fixture.run(Self.library, ["\(file):4"]).names == ["first"])
        #expect(try await fixture.run(Self.library, ["\(file):5"]).names == ["first"])
        // A tag line above a scenario.
        #expect(try await fixture.run(Self.library, ["\(file):7"]).names == ["second"])
        // An examples row; an examples block's keyword line (all its rows); the outline's line (every row).
        #expect(try await fixture.run(Self.library, ["\(file):18"]).names == ["outline 2"])
        #expect(try await fixture.run(Self.library, ["\(file):15"]).names == ["outline 1", "outline 2"])
        #expect(try await fixture.run(Self.library, ["\(file):11"]).names == ["outline 1", "outline 2", "outline 100"])
        // Several lines at once, and a rule's line.
        #expect(try await fixture.run(Self.library, ["\(file):4:22"]).names == ["first", "outline 100"])
        #expect(try await fixture.run(Self.library, ["\(file):24"]).names == ["in the rule"])
        // The same file twice: the union.
        #expect(try await fixture.run(Self.library, ["\(file):4", "\(file):8"]).names == ["first", "second"])
    }

    @Test func aLineThatSelectsNothingIsAUsageError() async throws {
        let fixture = try FeatureFixture(["shop.feature": Self.shop])
        let error = #expect(throws: SelectionError.self) {
            _ = try FeatureRun(library: Self.library, targets: [fixture.path("shop.feature") + ":3"])
        }
        #expect(error?.message.hasSuffix("shop.feature:3 is not a line of any scenario or examples row") == true)
        #expect(throws: SelectionError.self) {
            _ = try FeatureRun(library: Self.library, targets: [fixture.path("missing.feature")])
        }
    }

    @Test func tagsAreInheritedAndFiltered() async throws {
        let fixture = try FeatureFixture(["shop.feature": Self.shop])
        let fast = try await fixture.run(Self.library, filter: ScenarioFilter(tags: try TagExpression("@fast")))
        #expect(fast.names == ["outline 1", "outline 2"])
        let notSlow = try await fixture.run(
            Self.library, filter: ScenarioFilter(tags: try TagExpression("@shop and not (@slow or @fast)")))
        #expect(notSlow.names == ["first", "outline 100", "in the rule"])
    }

    @Test func namesAreRegularExpressions() async throws {
        let fixture = try FeatureFixture(["shop.feature": Self.shop])
        let result = try await fixture.run(Self.library, filter: ScenarioFilter(names: ["^outline [12]$", "rule"]))
        #expect(result.names == ["outline 1", "outline 2", "in the rule"])
        #expect(throws: SelectionError.self) {
            _ = try FeatureRun(library: Self.library, targets: [fixture.path()], filter: ScenarioFilter(names: ["("]))
        }
    }

    @Test func shardsPartitionTheSelection() async throws {
        let fixture = try FeatureFixture(["shop.feature": Self.shop])
        let all = try await fixture.run(Self.library).names
        var union: [String] = []
        for index in 1...3 {
            let shard = try ScenarioFilter.parseShard("\(index)/3")
            union += try await fixture.run(Self.library, filter: ScenarioFilter(shard: shard)).names
        }
        #expect(union.sorted() == all.sorted())
        #expect(all.count == 6)
        #expect(throws: SelectionError.self) { try ScenarioFilter.parseShard("4/3") }
        #expect(throws: SelectionError.self) { try ScenarioFilter.parseShard("x") }
    }

    @Test func aRerunFileReplaysTheFailures() async throws {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a step") { _, _ in }
        steps.given("a broken step") { _, _ in throw StepFailure("broken") }
        let fixture = try FeatureFixture([
            "a.feature": "Feature: A\n  Scenario: ok\n    Given a step\n  Scenario: bad\n    Given a broken step\n",
            "b.feature":
                "Feature: B\n  Scenario: also bad\n    Given a broken step\n  Scenario: fine\n    Given a step\n",
        ])
        let first = try await fixture.run(steps)
        let rerun = String(decoding: RerunFormat().render(first), as: UTF8.self)
        #expect(rerun == "\(fixture.path("a.feature")):4\n\(fixture.path("b.feature")):2\n")
        let rerunFile = fixture.path("rerun.txt")
        try rerun.write(toFile: rerunFile, atomically: true, encoding: .utf8)
        let second = try await fixture.run(steps, ["@\(rerunFile)"])
        #expect(second.names == ["bad", "also bad"])
        #expect(try FeatureTarget.parse("x.feature:3:9") == [FeatureTarget(path: "x.feature", lines: [3, 9])])
    }
}
