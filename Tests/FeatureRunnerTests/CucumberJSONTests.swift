import FeatureRunner
import Foundation
import Testing

@Suite("Cucumber JSON and pretty")
struct CucumberJSONTests {
    static let feature = """
        @shop
        Feature: Shop
          The shop's cart.

          Background:
            Given a step

          @fast
          Scenario: fine
            Given a table:
              | name | price |
              | tea  | 3     |
            And a doc string:
              \"\"\"json
              {"a": 1}
              \"\"\"
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

    static var library: StepLibrary<EmptyWorld> {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a step") { _, step in step.log("did a step") }
        steps.given("a table:") { _, step in step.attach(Data([0, 1, 2]), mediaType: "application/octet-stream") }
        steps.given("a doc string:") { _, _ in }
        steps.given("a broken step") { _, _ in throw StepFailure("it broke") }
        steps.before("@fast") { _, _ in }
        return steps
    }

    func features() async throws -> [[String: Any]] {
        let fixture = try FeatureFixture(["shop.feature": Self.feature])
        let result = try await fixture.run(Self.library)
        let data = CucumberJSONFormat().render(result)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    @Test("features, backgrounds as their own elements, outline row ids, hooks")
    func structure() async throws {
        let features = try await features()
        #expect(features.count == 1)
        let feature = features[0]
        #expect(feature["id"] as? String == "shop")
        #expect(feature["keyword"] as? String == "Feature")
        #expect(feature["line"] as? Int == 2)
        #expect((feature["tags"] as? [[String: Any]])?.first?["name"] as? String == "@shop")
        let elements = try #require(feature["elements"] as? [[String: Any]])
        #expect(
            elements.map { $0["type"] as? String }
                == Array(repeating: ["background", "scenario"], count: 4).flatMap { $0 })
        let scenarios = elements.filter { $0["type"] as? String == "scenario" }
        #expect(
            scenarios.map { $0["id"] as? String } == [
                "shop;fine", "shop;broken", "shop;outline-<n>;sizes;2", "shop;outline-<n>;sizes;3",
            ])
        #expect(scenarios.map { $0["name"] as? String }.last == "outline 2")
        #expect(scenarios[0]["before"] as? [[String: Any]] != nil)
        #expect((scenarios[0]["tags"] as? [[String: Any]])?.map { $0["name"] as? String } == ["@shop", "@fast"])
        #expect(scenarios[0]["start_timestamp"] as? String != nil)
        let background = elements[0]
        #expect(background["keyword"] as? String == "Background")
        #expect((background["steps"] as? [[String: Any]])?.count == 1)
    }

    @Test("steps: results in nanoseconds, errors, doc strings, rows, embeddings and output")
    func steps() async throws {
        let elements = try #require(try await features()[0]["elements"] as? [[String: Any]])
        let fine = try #require(elements[1]["steps"] as? [[String: Any]])
        let table = fine[0]
        #expect(table["keyword"] as? String == "Given ")
        #expect(table["name"] as? String == "a table:")
        #expect(
            (table["rows"] as? [[String: Any]])?.map { $0["cells"] as? [String] } == [
                ["name", "price"], ["tea", "3"],
            ])
        let embedding = try #require((table["embeddings"] as? [[String: Any]])?.first)
        #expect(embedding["mime_type"] as? String == "application/octet-stream")
        #expect(embedding["data"] as? String == "AAEC")
        let result = try #require(table["result"] as? [String: Any])
        #expect(result["status"] as? String == "passed")
        #expect(result["duration"] is Int)
        let match = try #require(table["match"] as? [String: Any])
        #expect((match["location"] as? String)?.contains("CucumberJSONTests.swift:") == true)
        let docString = try #require(fine[1]["doc_string"] as? [String: Any])
        #expect(docString["content_type"] as? String == "json")
        #expect(docString["value"] as? String == #"{"a": 1}"#)
        #expect(docString["line"] as? Int == 14)
        let backgroundStep = try #require((elements[0]["steps"] as? [[String: Any]])?.first)
        #expect(backgroundStep["output"] as? [String] == ["did a step"])
        let broken = try #require(elements[3]["steps"] as? [[String: Any]])
        let failure = try #require(broken[0]["result"] as? [String: Any])
        #expect(failure["status"] as? String == "failed")
        #expect((failure["error_message"] as? String)?.hasPrefix("it broke") == true)
        #expect((broken[1]["result"] as? [String: Any])?["status"] as? String == "skipped")
    }

    @Test("pretty prints each scenario with its steps, statuses and errors")
    func pretty() async throws {
        let fixture = try FeatureFixture(["shop.feature": Self.feature])
        let path = fixture.path("out/pretty.txt")
        let json = fixture.path("out/cucumber.json")
        let (status, _) = await FeatureRunCommand(
            RunConfiguration(targets: [fixture.path("shop.feature")], formats: ["pretty:\(path)", "json:\(json)"])
        ).run(Self.library)
        #expect(status == .failed)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("Feature: Shop\n"))
        #expect(text.contains("  Scenario: fine"))
        #expect(text.contains("✔ Given a step"))
        #expect(text.contains("✘ Given a broken step"))
        #expect(text.contains("        it broke"))
        #expect(text.contains("- And a step"))
        #expect(text.contains("4 scenarios (1 failed, 3 passed)"))
        #expect(!text.contains("\u{1B}["))
        #expect(FileManager.default.fileExists(atPath: json))
    }

    @Test("pretty prints each step as it finishes when scenarios run one at a time, whole scenarios in parallel")
    func prettyLive() async throws {
        let fixture = try FeatureFixture([
            "live.feature": """
            Feature: Live
              Scenario: watched
                Given a step
                Then the report already shows the step before
            """
        ])
        let path = fixture.path("out/pretty.txt")
        var library = Self.library
        library.then("the report already shows the step before") { _, _ in
            let sofar = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            try expect(sofar.contains("✔ Given a step"), "the report holds only: \(sofar)")
        }
        let (live, _) = await FeatureRunCommand(
            RunConfiguration(targets: [fixture.path("live.feature")], formats: ["pretty:\(path)"])
        ).run(library)
        #expect(live == .passed)
        let (parallel, _) = await FeatureRunCommand(
            RunConfiguration(
                targets: [fixture.path("live.feature")], execution: ExecutionOptions(parallel: 2),
                formats: ["pretty:\(path)"])
        ).run(library)
        #expect(parallel == .failed, "in parallel the scenario is written whole, after its steps")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("  Scenario: watched"))
        #expect(text.contains("✘ Then the report already shows the step before"))
    }
}
