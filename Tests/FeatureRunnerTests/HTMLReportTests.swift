import FeatureRunner
import Foundation
import Testing

@Suite("HTML report")
struct HTMLReportTests {
    static let exchanges = Data(
        #"""
        [{"attempt":1,"duration":0.004,"method":"PUT","requestBody":"{\"a\":1}","requestHeaders":{"authorization":"AWS4-HMAC-SHA256 Credential=AKID/x, SignedHeaders=..., Signature=<redacted>","content-type":"application/json","user-agent":"x"},"responseBody":"<ok/>","responseHeaders":{"content-type":"application/xml"},"started":"2026-11-23T14:00:00Z","status":200,"url":"http://127.0.0.1:4566/bucket"}]
        """#.utf8)

    static var library: StepLibrary<EmptyWorld> {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a step") { _, step in
            step.attach(Self.exchanges, mediaType: Attachment.httpExchangesMediaType)
        }
        steps.given("a broken step") { _, _ in throw StepFailure("it broke </script><b>") }
        steps.given("a big attachment") { _, step in
            step.attach(Data(repeating: 65, count: 100_000), mediaType: "text/plain", fileName: "big.txt")
            step.log("a log line")
        }
        return steps
    }

    static let feature = """
        Feature: Report </script>
          @smoke
          Scenario: fine
            Given a step
            And a big attachment
          Scenario: broken
            Given a broken step
        """

    @Test("one self-contained page; large parts beside it; nothing of the run can close the data script")
    func page() async throws {
        let fixture = try FeatureFixture(["report.feature": Self.feature])
        let result = try await fixture.run(Self.library)
        let path = fixture.path("out/index.html")
        let written = try HTMLReport(replayCommand: "brickyard run --emulator http://x").write(result, to: path)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("src=\"http"), "nothing is loaded from the network")
        #expect(!html.contains("<link"))
        #expect(html.components(separatedBy: "</script>").count == 3, "only the two script elements close")
        #expect(html.contains(#"\u003c\/script>\u003cb>"#))
        // The data: replay command of the failing scenario, the flaky-free counts, the side files.
        let json = try #require(
            html.components(separatedBy: #"type="application/json">"#).last?.components(separatedBy: "</script>").first)
        let model = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let scenarios = try #require(model["scenarios"] as? [[String: Any]])
        #expect(scenarios.map { $0["s"] as? String } == ["passed", "failed"])
        #expect(
            scenarios[1]["replay"] as? String == "brickyard run --emulator http://x \(fixture.path("report.feature")):6"
        )
        #expect(scenarios[0]["replay"] == nil)
        #expect(scenarios[0]["httpSrc"] as? String == "index-files/http-0.js")
        let steps = try #require(scenarios[0]["steps"] as? [[String: Any]])
        #expect(steps[0]["httpCount"] as? Int == 1)
        #expect(steps[0]["http"] == nil)
        let attachment = try #require((steps[1]["att"] as? [[String: Any]])?.first)
        #expect((attachment["href"] as? String)?.hasPrefix("index-files/attachment-0-1-") == true)
        #expect(steps[1]["log"] as? [String] == ["a log line"])
        #expect(written.count == 3)
        let http = try String(contentsOfFile: fixture.path("out/index-files/http-0.js"), encoding: .utf8)
        #expect(http.hasPrefix("brickyardHTTP(0,"))
        #expect(!http.contains("user-agent"), "boring headers are left out")
        #expect(http.contains("Signature=<redacted>"))
    }

    @Test("to standard output everything stays in the page")
    func inline() async throws {
        let fixture = try FeatureFixture(["report.feature": Self.feature])
        let result = try await fixture.run(Self.library)
        let html = String(decoding: HTMLReport().render(result), as: UTF8.self)
        #expect(html.contains(#""http":[{"#))
        #expect(!html.contains(#""httpSrc":"#))
    }

    @Test("a thousand scenarios with HTTP exchanges make a page under 5 MB")
    func size() async throws {
        let rows = (1...1000).map { "      | \($0) |" }.joined(separator: "\n")
        let feature = """
            Feature: many
              Scenario Outline: scenario <n>
                Given a step
                And a step
                And a step
                Examples:
                  | n |
            \(rows)
            """
        let fixture = try FeatureFixture(["many.feature": feature])
        let result = try await fixture.run(Self.library, options: ExecutionOptions(parallel: 8))
        #expect(result.testCases.count == 1000)
        let path = fixture.path("out/index.html")
        try HTMLReport().write(result, to: path)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size < 5_000_000, "\(size) bytes")
    }
}
